package dev.strata.sweep;

import com.google.inject.Injector;
import dev.strata.engine.CostPoint;
import dev.strata.engine.TrainingListener;
import dev.strata.eval.Metrics;
import dev.strata.registry.StrataInjector;
import dev.strata.run.RunFiles;
import dev.strata.run.RunResult;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.io.AtomicFiles;
import dev.strata.spi.ExecutorContext;
import dev.strata.spi.StrataException;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a trial as a full training run into {@code SWEEP_DIR/trials/<id>/} (report.json,
 * config.yaml, model, charts) and describes the outcome. Holds only paths as strings, so it can be
 * serialized and shipped to another JVM; the plugins and engine are built lazily where it runs.
 */
public final class LocalTrialRunner implements TrialRunner {
    private static final long serialVersionUID = 1L;
    public static final String TRIALS = "trials";
    public static final String ERROR_FILE = "error.txt";

    private final List<String> pluginDirs;
    private final String sweepDir;
    private transient volatile Injector injector;

    /**
     * @param pluginDirs the folders of plugin jars (as given to {@code --plugin-path})
     * @param sweepDir the sweep's folder; trial folders go below it
     */
    public LocalTrialRunner(List<Path> pluginDirs, Path sweepDir) {
        this.pluginDirs = pluginDirs.stream().map(p -> p.toAbsolutePath().toString()).toList();
        this.sweepDir = sweepDir.toAbsolutePath().toString();
    }

    /** A runner that uses {@code injector} in this JVM instead of building its own (it still builds one after deserialization). */
    public LocalTrialRunner(List<Path> pluginDirs, Path sweepDir, Injector injector) {
        this(pluginDirs, sweepDir);
        this.injector = injector;
    }

    /** The folder of trial {@code id}. */
    public static Path trialDir(Path sweepDir, String id) {
        return sweepDir.resolve(TRIALS).resolve(id);
    }

    /** The metric key of the steps (epochs, or iterations in full batch) a trial trained. */
    public static final String STEPS = "steps";

    private transient Pruner pruner;
    private String prunedOn;

    /** Successive halving's rung: trials stop at this step (0: train to the end). Serialized with the runner. */
    private int rungStop;
    /** Whether a trial continues the checkpoint its previous rung left, where the folder still has it. */
    private boolean continueRung;

    /** Deletes the checkpoint a trial stopped at a rung left, once it goes no further (where this file system has it). */
    void dropCheckpoint(String id) throws IOException {
        Files.deleteIfExists(trialDir(Path.of(sweepDir), id).resolve(dev.strata.run.Checkpoint.FILE));
    }

    /** From now on trials report their validation {@code metric} to {@code pruner}, which may stop them. */
    void prune(Pruner decisions, String metric) {
        this.pruner = decisions;
        this.prunedOn = metric.substring("validation.".length());
    }

    /**
     * For successive halving: from now on trials train until the first validation at or after
     * {@code step} (0: to the end) and report their validation {@code metric} there; with
     * {@code continuing}, each continues from the checkpoint its previous rung left, or trains again
     * from the start where that is gone (a cluster without a shared file system): the training is
     * reproducible from the seed, so either way it reaches the same parameters.
     */
    void rung(int step, boolean continuing, String metric) {
        this.rungStop = step;
        this.continueRung = continuing;
        this.prunedOn = metric.substring("validation.".length());
    }

    /** What a local executor may ask of this process while it runs trials with this runner. */
    public ExecutorContext hostContext(java.io.PrintWriter console) {
        HostContext context = new HostContext(this::secondsFor, console, Path.of(sweepDir));
        this.progress = context;
        return context;
    }

    /** Where a long trial says how far it got, about every {@link #PROGRESS_SECONDS}; null: nowhere. */
    private transient ExecutorContext progress;
    static final long PROGRESS_SECONDS = 15;

    @Override
    public TrialOutcome run(Trial trial) {
        long start = System.nanoTime();
        Path dir = trialDir(Path.of(sweepDir), trial.id());
        try {
            boolean continuing = continueRung && dev.strata.run.Checkpoint.exists(dir);
            ModelSpec spec = null;
            if (!continuing) {
                clear(dir);
                try {
                    spec = load(trial, dir, List.of());
                } catch (StrataException e) {
                    // A trial whose spec does not load still shows what it tried to run.
                    Files.createDirectories(dir);
                    AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), trial.specYaml());
                    throw e;
                }
            }
            Pruner decisions = pruner;
            int until = rungStop;
            Runs runs = injector().getInstance(Runs.class);
            Runs.Options options = new Runs.Options(overrides(trial), false, start);
            TrialListener listener = new TrialListener(trial.id(), progress, decisions, prunedOn, until);
            Runs.Outcome outcome = continuing ? runs.resume(dir, options, listener) : runs.run(spec, dir, options,
                    listener);
            RunResult result = outcome.result();
            Map<String, Double> metrics = metrics(result);
            metrics.put(STEPS, (double) result.training().stepsDone());
            if (decisions != null) {
                decisions.recorded(trial.id()).forEach((step, value) -> metrics.put(Pruner.KEY + step, value));
            }
            listener.atRung().forEach((step, value) -> metrics.put(Pruner.KEY + step, value));
            if (outcome.stopped() && until > 0) {
                // stopped at a rung: its checkpoint is where the next rung continues
                return new TrialOutcome(trial.id(), TrialOutcome.PRUNED, metrics, costs(result), seconds(start), null,
                        null);
            }
            if (outcome.stopped()) {
                // pruned: what it reached is kept; its checkpoint is not needed
                Files.deleteIfExists(dir.resolve(dev.strata.run.Checkpoint.FILE));
                return new TrialOutcome(trial.id(), TrialOutcome.PRUNED, metrics, costs(result), seconds(start), null,
                        null);
            }
            return new TrialOutcome(trial.id(), TrialOutcome.OK, metrics, costs(result), seconds(start), null, null);
        } catch (StrataException e) {
            return failed(trial, dir, e.getMessage(), start);
        } catch (IOException | RuntimeException e) {
            return failed(trial, dir, e.getClass().getSimpleName() + ": " + e.getMessage(), start);
        }
    }

    /**
     * Seconds that {@code iterations} training steps of {@code trial}'s model take, writing nothing:
     * full-batch iterations, or whole epochs of the trial's own batches scaled to that many steps.
     * The schedule becomes constant (a warm-up may be longer than the timed steps; the rate does not
     * change a step's time) and early stopping and checkpoints are left out.
     */
    double secondsFor(Trial trial, int iterations) {
        Path dir = trialDir(Path.of(sweepDir), trial.id());
        ModelSpec asPlanned = load(trial, dir, List.of());
        Runs runs = injector().getInstance(Runs.class);
        var data = runs.loadData(asPlanned);
        var training = asPlanned.training();
        String schedule = "optimizer.schedule={type: constant}";
        if (!training.minibatch()) {
            ModelSpec spec = load(trial, dir, List.of("training={iterations: " + iterations + ", print_every: "
                    + iterations + "}", schedule));
            return runs.train(spec, data, TrainingListener.NONE).training().seconds();
        }
        int perEpoch = (data.train().count() + training.batchSize() - 1) / training.batchSize();
        int epochs = Math.max(2, (iterations + perEpoch - 1) / perEpoch);
        ModelSpec spec = load(trial, dir, List.of("training={epochs: " + epochs + ", batch_size: "
                + training.batchSize() + ", shuffle: " + training.shuffle() + ", print_every: " + epochs + "}",
                schedule));
        return runs.train(spec, data, TrainingListener.NONE).training().seconds() * iterations
                / ((double) epochs * perEpoch);
    }

    /**
     * Flattened metrics as report.json names them: {@code train.accuracy}, {@code validation.cost},
     * {@code test.f1}, {@code final_cost}.
     */
    public static Map<String, Double> metrics(RunResult result) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("final_cost", result.training().finalCost());
        put(out, "train", result.train());
        if (result.validation() != null) {
            out.put(Objective.VALIDATION_COST, result.validation().cost());
            put(out, "validation", result.validation().metrics());
        }
        if (result.test() != null) {
            put(out, "test", result.test());
        }
        return out;
    }

    private static void put(Map<String, Double> out, String split, Metrics m) {
        m.values().forEach((name, value) -> out.put(split + "." + name, value));
    }

    private static List<double[]> costs(RunResult result) {
        List<double[]> out = new ArrayList<>();
        for (CostPoint p : result.training().costs()) {
            out.add(new double[] {p.iteration(), p.cost()});
        }
        return out;
    }

    private ModelSpec load(Trial trial, Path dir, List<String> overrides) {
        return injector().getInstance(SpecLoader.class).loadString(trial.specYaml(), dir.resolve(RunFiles.CONFIG),
                overrides);
    }

    private TrialOutcome failed(Trial trial, Path dir, String message, long start) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve(ERROR_FILE), message + "\n");
        } catch (IOException | RuntimeException ignored) {
            // The outcome carries the message; the file is a convenience.
        }
        return new TrialOutcome(trial.id(), TrialOutcome.FAILED, Map.of(), List.of(), seconds(start), message, null);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> overrides(Trial trial) {
        List<String> out = new ArrayList<>();
        trial.parameters().forEach((k, v) -> out.add(k + "=" + YamlText.flow(v)));
        return out;
    }

    /** A trial that was in flight when a sweep stopped runs again from an empty folder. */
    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Injector injector() {
        Injector local = injector;
        if (local == null) {
            synchronized (this) {
                local = injector;
                if (local == null) {
                    local = StrataInjector.create(pluginDirs.stream().map(Path::of).toList());
                    injector = local;
                }
            }
        }
        return local;
    }
}
