package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.eval.Metrics;
import dev.strata.run.Checkpoint;
import dev.strata.run.RunFiles;
import dev.strata.run.RunFolder;
import dev.strata.run.RunReport;
import dev.strata.run.RunResult;
import dev.strata.run.ValidationReport;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the model a spec describes and write its report and model to a run folder.",
            "Prints the cost every training.print_every steps, then train and test metrics."},
        footer = {"", "The run folder holds report.json, report.md, cost-curve.png, mislabeled.png, model.npz,"
                + " model.json and config.yaml (the resolved spec).",
            "Example:", "  strata train configs/cat-deep.yaml --set optimizer.learning_rate=0.01 \\",
            "      --out runs/lr-0.01"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The YAML model spec.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The run folder (default: runs/<name>-<timestamp>/). Must not exist or be empty.")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a spec field, e.g. --set optimizer.learning_rate=0.01 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and where the outputs went.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print where the time went: start-up, data, training,"
            + " evaluation, reports.")
    boolean verbose;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a stopped or killed run from its last checkpoint (training.checkpoint_every, or Ctrl-C).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime() - StrataCommand.uptimeNanos();
        if (quiet && verbose) {
            throw new BadInputException("--quiet and --verbose contradict each other", "give one of them, or neither");
        }
        PrintWriter console = command.commandLine().getOut();
        Runs runs = root.injector().getInstance(Runs.class);
        ConsoleTrainingListener progress = new ConsoleTrainingListener(console, quiet,
                StrataCommand.stderrIsTerminal() ? System.err : null, new AtomicBoolean());
        Listener listener = new Listener(progress, console, quiet);
        Runs.Outcome outcome;
        try {
            if (resume != null) {
                if (config != null || out != null || !overrides.isEmpty()) {
                    throw new BadInputException("--resume continues a run with the spec it started with",
                            "give only --resume RUN_DIR, without CONFIG, --out or --set");
                }
                outcome = runs.resume(resume, new Runs.Options(List.of(), true, start), listener);
            } else {
                if (config == null) {
                    throw new BadInputException("missing CONFIG", "give a spec, e.g. strata train configs/cat-deep.yaml");
                }
                ModelSpec spec = root.injector().getInstance(SpecLoader.class).load(config, overrides);
                Path dir = out != null ? out : RunFolder.defaultFor(spec.name());
                outcome = runs.run(spec, dir, new Runs.Options(overrides, true, start), listener);
            }
        } finally {
            progress.close();
        }
        RunResult result = outcome.result();
        if (outcome.stopped()) {
            return 130;
        }
        if (!quiet) {
            ValidationReport validation = result.validation();
            console.println(headline("Train", result.train())
                    + (validation == null ? "" : "   " + headline("Validation", validation.metrics()))
                    + (result.test() == null ? "" : "   " + headline("Test", result.test())));
            if (validation != null && validation.earlyStopping() != null) {
                console.println(earlyStopping(result.spec(), result.training().stepsDone(), validation));
            }
            long before = listener.resumedUpdates();
            console.println(String.format(Locale.ROOT, "Trained in %.2f s (%s; first layer %s).",
                    result.training().seconds(), before > 0 ? (result.training().updates() - before) + " updates in"
                            + " this run, " + result.training().updates() + " in all" : result.training().updates()
                            + " updates", result.training().firstLayerText()));
        }
        if (verbose) {
            RunReport.Timing t = outcome.timing();
            console.println(String.format(Locale.ROOT, "Time: start-up %.2f s, data %.2f s, training %.2f s, evaluation"
                    + " %.2f s, reports %.2f s; whole run %.2f s.", t.startupSeconds(), t.loadSeconds(), t.trainSeconds(),
                    t.evaluateSeconds(), t.reportsSeconds(), t.totalSeconds()));
        }
        console.println("Report: " + outcome.dir().resolve(RunFiles.REPORT_MD));
        return 0;
    }

    /** Why training ended where it did, and whose parameters model.npz holds. */
    static String earlyStopping(ModelSpec spec, int stepsDone, ValidationReport v) {
        boolean minibatch = spec.training().minibatch();
        String unit = minibatch ? "epoch" : "iteration";
        int last = dev.strata.engine.ValidationPoint.shown(stepsDone, minibatch);
        int best = dev.strata.engine.ValidationPoint.shown(v.bestStep(), minibatch);
        var stopping = v.earlyStopping();
        String bestText = stopping.monitor() + " " + Numbers.cost(v.best()) + " after " + unit + " " + best;
        if (v.stoppedEarly()) {
            return "Stopped early after " + unit + " " + last + ": " + stopping.monitor() + " did not improve by more"
                    + " than " + Numbers.cost(stopping.minDelta()) + " for " + stopping.patience() + " evaluations."
                    + " Best: " + bestText + (v.restoredBest() ? "; model.npz holds those parameters." : ".");
        }
        return "Best " + bestText + (v.restoredBest() && v.bestStep() != stepsDone ? "; model.npz holds those"
                + " parameters." : ".");
    }

    private static String unit(ModelSpec spec) {
        return spec.training().minibatch() ? "epochs" : "iterations";
    }

    /** {@code Train accuracy: 0.985646}, or {@code Train MSE: 0.0012 (R² 0.97)} for a regression. */
    static String headline(String split, Metrics m) {
        return split + " " + m.headline();
    }

    static String summary(ModelSpec spec, PreparedData data) {
        StringBuilder layers = new StringBuilder().append(data.inputSize());
        spec.model().layers().forEach(l -> layers.append("→").append(l.units()));
        return "Training " + spec.name() + ": layers " + layers + ", " + data.train().count() + " train"
                + (data.validation() == null ? "" : " / " + data.validation().count() + " validation")
                + (data.test() == null ? "" : " / " + data.test().count() + " test") + " examples, "
                + spec.optimizer().type() + ", " + spec.dtype().yamlName();
    }

    /** Prints what the run is about to do, then passes the loop's progress to the console. */
    private static final class Listener implements Runs.Listener {
        private final ConsoleTrainingListener progress;
        private final PrintWriter console;
        private final boolean quiet;

        Listener(ConsoleTrainingListener progress, PrintWriter console, boolean quiet) {
            this.progress = progress;
            this.console = console;
            this.quiet = quiet;
        }

        private long resumedUpdates;

        long resumedUpdates() {
            return resumedUpdates;
        }

        @Override
        public void ready(ModelSpec spec, PreparedData data, Checkpoint resumed) {
            resumedUpdates = resumed == null ? 0 : resumed.updates();
            if (!quiet) {
                console.println(summary(spec, data) + (resumed == null ? ""
                        : " (resuming after " + resumed.stepsDone() + " " + unit(spec) + ")"));
                console.flush();
            }
        }

        @Override
        public void stopped(RunResult result, Path dir) {
            progress.close();
            console.println("Stopped after " + result.training().stepsDone() + " " + unit(result.spec())
                    + "; checkpoint saved. Continue with: strata train --resume " + dir);
            console.flush();
        }

        @Override
        public void started(int totalSteps, String unit) {
            progress.started(totalSteps, unit);
        }

        @Override
        public void stepped(int step) {
            progress.stepped(step);
        }

        @Override
        public void cost(dev.strata.engine.CostPoint point) {
            progress.cost(point);
        }

        @Override
        public void validated(dev.strata.engine.ValidationPoint point) {
            progress.validated(point);
        }

        @Override
        public boolean stopRequested() {
            return progress.stopRequested();
        }
    }
}
