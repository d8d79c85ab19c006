package dev.strata.cli;

import com.google.inject.Injector;
import dev.strata.registry.StrataInjector;
import dev.strata.run.Environment;
import dev.strata.engine.Blas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataCommand.Version.class,
        description = "Train deep feed-forward neural networks from declarative YAML model specs.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ValidateCommand.class,
            PluginsCommand.class, GradcheckCommand.class, SweepCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure while running, 2 bad input or usage.",
            "Examples:", "  strata train configs/cat-deep.yaml", "  strata train configs/cat-deep.yaml --set optimizer.learning_rate=0.01",
            "  strata predict runs/cat-deep-20260101-120000 my-cat.jpg",
            "  strata sweep examples/sweeps/grid.yaml --out runs/grid"})
public final class StrataCommand implements Runnable {

    @Option(names = "--plugin-path", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "A folder of plugin jars to load (repeatable).")
    List<Path> pluginPath = new ArrayList<>();

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = "--threads", paramLabel = "N", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "BLAS threads for the large matrix products, 1 to the cores (default: chosen per run: one, unless its"
                    + " largest product has 32 million multiply-adds or more and cores are free by the load average).")
    Integer threads;

    private Injector injector;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** The one injector of this process, with the built-in plugins and those under --plugin-path. */
    Injector injector() {
        if (injector == null) {
            if (threads != null && threads < 1) {
                throw new dev.strata.spi.BadInputException("--threads must be at least 1, got " + threads,
                        "give a positive thread count, or leave --threads out to let each run choose");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            if (threads != null && threads > cores) {
                // OpenBLAS crashes beyond the cores it finds (see Blas.use); the engine would cap it with a warning
                throw new dev.strata.spi.BadInputException("--threads " + threads + " is more than the " + cores
                        + " cores of this machine, which is as many as OpenBLAS can run", "give --threads 1 to "
                        + cores + ", or leave --threads out to let each run choose");
            }
            if (threads != null) {
                Blas.setThreads(threads);
            } else {
                Blas.setAutomaticThreads();
            }
            injector = StrataInjector.create(pluginPath);
        }
        return injector;
    }

    /**
     * Whether stderr is a terminal, as the launcher tells ({@code -Dstrata.stderr.terminal=true},
     * from the shell's {@code [ -t 2 ]}); Java itself can only tell for stdin and stdout together.
     */
    static boolean stderrIsTerminal() {
        return Boolean.getBoolean("strata.stderr.terminal") && System.console() != null;
    }

    /**
     * How long this JVM has been running, for the whole-run timing in reports (the process's own
     * start time counts from the boot time in whole seconds, and includes the launcher script).
     */
    static long uptimeNanos() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    }

    /** A model reloaded from a folder `strata train` wrote. */
    dev.strata.run.SavedModel savedModel(Path runDir) {
        return dev.strata.run.SavedModel.load(runDir, injector().getInstance(dev.strata.spec.SpecLoader.class),
                injector().getInstance(dev.strata.registry.PluginRegistry.class));
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"strata " + Environment.strataVersion()};
        }
    }
}
