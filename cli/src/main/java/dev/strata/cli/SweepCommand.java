package dev.strata.cli;

import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import dev.strata.run.RunFolder;
import dev.strata.spi.SweepExecutor;
import dev.strata.spi.SweepExecutorFactory;
import dev.strata.sweep.LocalTrialRunner;
import dev.strata.sweep.Sweep;
import dev.strata.sweep.SweepReport;
import dev.strata.sweep.TrialResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Train one run per trial of a search (grid, random or TPE) and rank them.",
            "A pruner may stop trials early. The sweep file is checked, and every trial's spec built (a TPE"
                    + " sweep's extremes), before the first trial starts."},
        footer = {"", "The sweep folder holds results.jsonl and results.csv (a line per finished trial), summary.md,"
                + " best.yaml, a chart per parameter, history.png, and trials/<id>/ with each trial's full run. The"
                + " executor's BLAS threads replace --threads.",
            "A killed sweep continues with: strata sweep --resume DIR",
            "Example: strata sweep examples/sweeps/grid.yaml --out runs/grid"})
final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP", description = "The YAML sweep file.")
    Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The sweep folder (default: runs/sweep-<base name>-<timestamp>/). Must not exist or be empty.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Run only the trials missing from an interrupted sweep's folder.")
    Path resume;

    @Option(names = "--set", paramLabel = "executor.KEY=VALUE",
            description = "Override the executor block, e.g. --set executor.type=spark --set executor.master=local[4]."
                    + " A new executor.type starts a fresh block.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter console = command.commandLine().getOut();
        Sweep sweep = new Sweep(root.injector().getInstance(PluginRegistry.class),
                root.injector().getInstance(SpecLoader.class));
        Path dir;
        Sweep.Planned planned;
        if (resume != null) {
            if (out != null) {
                throw new BadInputException("--resume continues the sweep in its own folder", "drop --out");
            }
            dir = resume;
            // Sweep.run checks that a given SWEEP is the one the folder was started with.
            planned = sweep.plan(sweepFile != null ? sweepFile : dir.resolve(Sweep.SWEEP_FILE), overrides);
        } else {
            if (sweepFile == null) {
                throw new BadInputException("missing SWEEP", "give a sweep file, e.g. strata sweep "
                        + "examples/sweeps/grid.yaml");
            }
            planned = sweep.plan(sweepFile, overrides);
            dir = out != null ? out : RunFolder.defaultFor("sweep-" + planned.plan().base().name());
            RunFolder.requireFreshSweep(dir, Sweep.SWEEP_FILE);
        }
        var executorSpec = planned.spec().executor();
        PluginRegistry registry = root.injector().getInstance(PluginRegistry.class);
        Sweep.Finished finished;
        LocalTrialRunner runner = new LocalTrialRunner(root.pluginPath, dir, root.injector());
        try (SweepExecutor executor = registry.get(SweepExecutorFactory.class, executorSpec.type())
                .create(executorSpec.params(), runner.hostContext(console))) {
            finished = sweep.run(planned, dir, resume != null, executor, runner, line -> {
                synchronized (console) {
                    console.println(line);
                    console.flush();
                }
            });
        }
        TrialResult best = finished.best();
        String metric = planned.spec().objective().metric();
        if (best != null) {
            console.println(String.format(Locale.ROOT, "Best: %s with %s %.6g; its spec: %s", best.id(), metric,
                    best.metric(metric), dir.resolve(SweepReport.BEST)));
        } else {
            console.println("No trial succeeded.");
        }
        if (planned.spec().objective().tunesOnTest()) {
            console.println("Note: this sweep ranks trials on the test set (" + metric + "); rank on validation data"
                    + " (objective.metric: validation." + metric.substring("test.".length()) + ") to keep the test"
                    + " set for the final figure.");
        }
        console.println("Summary: " + dir.resolve(SweepReport.SUMMARY));
        return best != null ? 0 : 1;
    }
}
