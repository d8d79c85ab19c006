package dev.strata;

import com.google.inject.Injector;
import dev.strata.engine.Blas;
import dev.strata.engine.TrainingListener;
import dev.strata.registry.StrataInjector;
import dev.strata.run.RunResult;
import dev.strata.run.Runs;
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
 *     System.out.println(rate + " " + run.test().values().get("accuracy") + " " + run.training().seconds());
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
        // As the CLI does without --threads: each run chooses (ThreadChoice), unless Blas.setThreads says.
        Blas.setAutomaticThreads();
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
        Runs runs = injector.getInstance(Runs.class);
        return runs.train(spec, runs.loadData(spec), TrainingListener.NONE);
    }

    /**
     * Trains like {@code strata train --out outDir}, through the same run lifecycle: the folder must
     * not exist or be empty, the resolved spec is written first, and the folder ends with the files
     * the CLI writes.
     *
     * @throws dev.strata.spi.BadInputException when {@code outDir} exists and is not empty
     */
    public RunResult train(ModelSpec spec, Path outDir) {
        try {
            return injector.getInstance(Runs.class).run(spec, outDir, Runs.Options.plain(), new Runs.Listener() {
            }).result();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the run folder " + outDir + " failed: " + e.getMessage(), e);
        }
    }

    /** The injector, for the framework's other services (e.g. {@code PluginCatalog}). */
    public Injector injector() {
        return injector;
    }
}
