package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.engine.DivergenceException;
import dev.strata.plugin.PluginCatalog;
import dev.strata.io.AtomicFiles;
import dev.strata.run.Checkpoint;
import dev.strata.run.Experiment;
import dev.strata.run.RunFiles;
import dev.strata.spec.SpecWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import dev.strata.run.RunResult;
import dev.strata.run.RunWriter;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the model a spec describes and write its report and model to a run folder.",
            "Prints the cost every training.print_every steps, then train and test metrics."},
        footer = {"", "The run folder holds report.json, report.md, cost-curve.png, mislabeled.png,",
            "model.npz, model.json and config.yaml (the resolved spec).",
            "Example: strata train configs/cat-deep.yaml --set optimizer.learning_rate=0.01 --out runs/lr-0.01"})
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

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a stopped or killed run from its last checkpoint (training.checkpoint_every, or Ctrl-C).")
    Path resume;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var outWriter = command.commandLine().getOut();
        SpecLoader specs = root.injector().getInstance(SpecLoader.class);
        ModelSpec spec;
        Path dir;
        Checkpoint checkpoint = null;
        if (resume != null) {
            if (config != null || out != null || !overrides.isEmpty()) {
                throw new BadInputException("--resume continues a run with the spec it started with",
                        "give only --resume RUN_DIR, without CONFIG, --out or --set");
            }
            dir = resume;
            if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
                throw new BadInputException("nothing to resume in " + dir + ": it has no " + RunFiles.CONFIG,
                        "give a folder written by `strata train`");
            }
            if (!Checkpoint.exists(dir)) {
                throw new BadInputException("nothing to resume in " + dir + ": it has no " + Checkpoint.FILE
                        + (Files.exists(dir.resolve(RunFiles.REPORT_JSON)) ? " (the run already finished)" : ""),
                        "set training.checkpoint_every to write checkpoints, or train again");
            }
            spec = specs.load(dir.resolve(RunFiles.CONFIG), List.of());
            checkpoint = Checkpoint.read(dir);
        } else {
            if (config == null) {
                throw new BadInputException("missing CONFIG", "give a spec, e.g. strata train configs/cat-deep.yaml");
            }
            spec = specs.load(config, overrides);
            dir = out != null ? out : defaultRunDir(spec.name());
            requireFresh(dir);
        }
        Experiment experiment = root.injector().getInstance(Experiment.class);
        // Data is checked before the run folder is made: bad data must not leave a folder behind
        // that blocks running the same command again once the data is fixed.
        PreparedData data = experiment.loadData(spec);
        if (checkpoint == null) {
            Files.createDirectories(dir);
            // The resolved spec goes first, so a killed run can be resumed.
            AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), SpecWriter.toYaml(spec));
        }
        if (!quiet) {
            outWriter.println(summary(spec, data) + (checkpoint == null ? ""
                    : " (resuming after " + checkpoint.stepsDone() + " " + (spec.training().minibatch() ? "epochs" : "iterations") + ")"));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C asks the loop to stop after the current step and write a checkpoint; the hook
        // waits for that so nothing is lost.
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "strata-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ConsoleTrainingListener listener = new ConsoleTrainingListener(outWriter, quiet, System.console() != null, stop);
        RunResult result;
        try {
            result = runNamingTheCause(experiment, spec, data, listener, dir, checkpoint);
            listener.close();
            if (result.training().stopped()) {
                outWriter.println("Stopped after " + result.training().stepsDone() + " "
                        + (spec.training().minibatch() ? "epochs" : "iterations") + "; checkpoint saved. Continue with: strata train --resume " + dir);
                outWriter.flush();
                return 130;
            }
            double total = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
            RunWriter.write(dir, result, new RunWriter.Provenance(overrides,
                    root.injector().getInstance(PluginCatalog.class).provenance(), total));
            Files.deleteIfExists(dir.resolve(Checkpoint.FILE));
        } finally {
            listener.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has been released above
            }
        }
        if (!quiet) {
            outWriter.println(headline("Train", result.train())
                    + (result.test() == null ? "" : "   " + headline("Test", result.test())));
            outWriter.println(String.format(Locale.ROOT, "Trained in %.2f s (%d updates; first layer %s).",
                    result.training().seconds(), result.training().updates(),
                    RunWriter.firstLayerText(result.training())));
        }
        outWriter.println("Report: " + dir.resolve(RunFiles.REPORT_MD));
        return 0;
    }

    /** Divergence gets the learning rate's value and what is kept, so the message says what to change. */
    private static RunResult runNamingTheCause(Experiment experiment, ModelSpec spec, PreparedData data,
            ConsoleTrainingListener listener, Path dir, Checkpoint checkpoint) {
        try {
            return experiment.run(spec, data, listener, dir, checkpoint);
        } catch (DivergenceException e) {
            var optimizer = spec.optimizer().params();
            String kept = Checkpoint.exists(dir)
                    ? "; the last checkpoint before it is kept in " + dir.resolve(Checkpoint.FILE)
                    : "";
            if (!optimizer.has("learning_rate")) {
                throw new DivergenceException(e.iteration(), e.cost(),
                        "the learning rate is probably too high: try a smaller one" + kept);
            }
            double rate = optimizer.getDouble("learning_rate");
            throw new DivergenceException(e.iteration(), e.cost(), "the learning rate (optimizer.learning_rate: " + rate
                    + ") is probably too high: try a smaller one, e.g. --set optimizer.learning_rate=" + rate / 10 + kept);
        }
    }

    /** {@code Train accuracy: 0.985646}, or {@code Train MSE: 0.0012 (R² 0.97)} for a regression. */
    static String headline(String split, dev.strata.eval.Metrics m) {
        return m.isRegression()
                ? String.format(Locale.ROOT, "%s MSE: %.6g (R² %.6f)", split, m.regression().mse(), m.regression().r2())
                : String.format(Locale.ROOT, "%s accuracy: %.6f", split, m.accuracy());
    }

    static String summary(ModelSpec spec, PreparedData data) {
        StringBuilder layers = new StringBuilder().append(data.inputSize());
        spec.model().layers().forEach(l -> layers.append("→").append(l.units()));
        return "Training " + spec.name() + ": layers " + layers + ", " + data.train().count() + " train"
                + (data.test() == null ? "" : " / " + data.test().count() + " test") + " examples, "
                + spec.optimizer().type() + ", " + spec.dtype().yamlName();
    }

    static Path defaultRunDir(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return Path.of("runs", name + "-" + stamp);
    }

    /** A run folder is never silently overwritten. */
    static void requireFresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new BadInputException("--out " + dir + " is a file", "choose a folder path for --out");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException("the run folder " + dir + " already exists and is not empty",
                            "choose another --out, or remove the folder");
                }
            }
        }
    }
}
