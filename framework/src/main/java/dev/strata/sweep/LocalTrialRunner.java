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

    /** From now on trials report their validation {@code metric} to {@code pruner}, which may stop them. */
    void prune(Pruner decisions, String metric) {
        this.pruner = decisions;
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
            clear(dir);
            ModelSpec spec;
            try {
                spec = load(trial, dir, List.of());
            } catch (StrataException e) {
                // A trial whose spec does not load still shows what it tried to run.
                Files.createDirectories(dir);
                AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), trial.specYaml());
                throw e;
            }
            Pruner decisions = pruner;
            String metric = prunedOn;
            Runs.Outcome outcome = injector().getInstance(Runs.class)
                    .run(spec, dir, new Runs.Options(overrides(trial), false, start), new Runs.Listener() {
                        private volatile boolean stop;
                        private int total;
                        private String unit;
                        private long said = System.nanoTime();

                        @Override
                        public void started(int totalSteps, String stepUnit) {
                            total = totalSteps;
                            unit = stepUnit;
                        }

                        @Override
                        public void stepped(int step) {
                            ExecutorContext console = progress;
                            long now = System.nanoTime();
                            if (console != null && now - said > PROGRESS_SECONDS * 1_000_000_000L && step < total) {
                                said = now;
                                console.say(String.format(java.util.Locale.ROOT, "      %s: %s %d of %d", trial.id(),
                                        unit, step, total));
                            }
                        }

                        @Override
                        public void validated(dev.strata.engine.ValidationPoint point) {
                            if (decisions != null) {
                                Double value = metric.equals("cost") ? point.cost() : point.metrics().get(metric);
                                stop = decisions.report(trial.id(), point.step(), value == null ? Double.NaN : value);
                            }
                        }

                        @Override
                        public boolean stopRequested() {
                            return stop;
                        }
                    });
            RunResult result = outcome.result();
            Map<String, Double> metrics = metrics(result);
            metrics.put(STEPS, (double) result.training().stepsDone());
            if (decisions != null) {
                decisions.recorded(trial.id()).forEach((step, value) -> metrics.put(Pruner.KEY + step, value));
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
