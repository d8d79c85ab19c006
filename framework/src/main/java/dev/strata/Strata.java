package dev.strata;

import com.google.inject.Injector;
import dev.strata.engine.TrainingListener;
import dev.strata.plugin.PluginCatalog;
import dev.strata.plugin.StrataInjector;
import dev.strata.run.Experiment;
import dev.strata.run.NativeThreads;
import dev.strata.run.RunResult;
import dev.strata.run.RunWriter;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Strata for scripts, JShell and notebooks: load a spec (with {@code --set}-style overrides), train
 * it, read typed results.
 *
 * <pre>{@code
 * Strata strata = Strata.create();
 * for (double rate : new double[] {0.003, 0.0075, 0.015}) {
 *     RunResult run = strata.train(strata.load(Path.of("configs/cat-deep.yaml"),
 *             "optimizer.learning_rate=" + rate, "training.iterations=500"));
 *     System.out.println(rate + " " + run.test().accuracy() + " " + run.training().seconds());
 * }
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class Strata {
    private final Injector injector;

    private Strata(Injector injector) {
        this.injector = injector;
    }

    /** Strata with the plugins on the classpath. */
    public static Strata create() {
        return create(List.of());
    }

    /** Strata with the plugins on the classpath and the plugin jars in {@code pluginDirs}. */
    public static Strata create(List<Path> pluginDirs) {
        // Like the CLI: library chatter (ND4J's backend banner) only at warnings, unless chosen otherwise.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                    System.getenv().getOrDefault("STRATA_LOG", "warn"));
        }
        // As the CLI does: one BLAS thread per core unless changed later with NativeThreads.
        NativeThreads.setBlasThreads(NativeThreads.defaultBlasThreads());
        return new Strata(StrataInjector.create(pluginDirs));
    }

    /**
     * Loads and validates a spec.
     *
     * @param overrides {@code key.path=value}, as {@code strata train --set} takes them
     * @throws dev.strata.spec.SpecException listing every problem with its file:line:col
     */
    public ModelSpec load(Path spec, String... overrides) {
        return injector.getInstance(SpecLoader.class).load(spec, List.of(overrides));
    }

    /**
     * Trains and evaluates {@code spec} without writing anything: metrics in {@code result.train()}
     * and {@code result.test()}, costs and seconds in {@code result.training()}.
     *
     * @throws dev.strata.engine.DivergenceException when the cost becomes NaN or infinite
     */
    public RunResult train(ModelSpec spec) {
        return injector.getInstance(Experiment.class).run(spec, TrainingListener.NONE);
    }

    /** Trains like {@link #train(ModelSpec)} and writes the run folder {@code strata train} writes. */
    public RunResult train(ModelSpec spec, Path outDir) {
        long start = System.nanoTime();
        RunResult result = train(spec);
        try {
            RunWriter.write(outDir, result, new RunWriter.Provenance(List.of(),
                    injector.getInstance(PluginCatalog.class).provenance(),
                    (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the run folder " + outDir + " failed: " + e.getMessage(), e);
        }
        return result;
    }

    /** The injector, for the framework's other services (e.g. {@code PluginCatalog}). */
    public Injector injector() {
        return injector;
    }
}
