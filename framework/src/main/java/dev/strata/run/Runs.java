package dev.strata.run;

import dev.strata.data.DataLoader;
import dev.strata.data.PreparedData;
import dev.strata.engine.Blas;
import dev.strata.engine.DivergenceException;
import dev.strata.engine.TrainingListener;
import dev.strata.io.AtomicFiles;
import dev.strata.registry.Parameters;
import dev.strata.registry.PluginCatalog;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecWriter;
import dev.strata.spi.BadInputException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one run lifecycle, for the CLI, the {@code Strata} facade and sweep trials alike: a fresh (or
 * resumable) folder, locked; the data checked before the folder is made; the resolved spec written
 * first, so a killed run can be resumed; checkpoints and Ctrl-C; divergence reported with the
 * learning rate and what was kept; the report files; the checkpoint removed once the run is done.
 */
public final class Runs {
    private final PluginRegistry plugins;
    private final PluginCatalog catalog;
    private final SpecLoader specs;

    @Inject
    public Runs(PluginRegistry plugins, PluginCatalog catalog, SpecLoader specs) {
        this.plugins = plugins;
        this.catalog = catalog;
        this.specs = specs;
    }

    /** How a run is started. */
    public record Options(List<String> overrides, boolean interruptible, long startNanos) {
        public Options {
            overrides = List.copyOf(overrides);
        }

        /** No overrides, no Ctrl-C handling, timed from now. */
        public static Options plain() {
            return new Options(List.of(), false, System.nanoTime());
        }
    }

    /** What the lifecycle tells its caller besides the training loop's progress. */
    public interface Listener extends TrainingListener {
        /** The data is loaded and the folder ready; training starts next ({@code resumed} null for a fresh run). */
        default void ready(ModelSpec spec, PreparedData data, Checkpoint resumed) {
        }

        /**
         * The run stopped early on request and its checkpoint is written. Called before a Ctrl-C lets the
         * process exit, so what is said here is seen.
         */
        default void stopped(RunResult result, Path dir) {
        }
    }

    /**
     * How a run ended.
     *
     * @param result the trained model and its metrics (when stopped, as far as it got)
     * @param stopped whether it stopped early on request and left a checkpoint to resume from
     * @param timing where the time went, as report.json says ({@code null} when stopped)
     */
    public record Outcome(RunResult result, Path dir, boolean stopped, RunReport.Timing timing) {
    }

    public PreparedData loadData(ModelSpec spec) {
        return new DataLoader(plugins).load(spec);
    }

    /** Refuses a spec whose model would not fit in this JVM's heap or this machine's memory (see {@link MemoryEstimate}). */
    public void checkFits(ModelSpec spec, PreparedData data) {
        MemoryEstimate.check(spec, data, new ModelBuilder(plugins).optimizer(spec).stateNames().size());
    }

    /** Trains and evaluates without writing anything. */
    public RunResult train(ModelSpec spec, PreparedData data, TrainingListener listener) {
        return new Training(plugins).run(spec, data, listener, null, null);
    }

    /** Trains {@code spec} into the run folder {@code dir}, which must not exist or be empty. */
    public Outcome run(ModelSpec spec, Path dir, Options options, Listener listener) throws IOException {
        RunFolder.requireFresh(dir);
        Blas.preload();
        long loading = System.nanoTime();
        // Data is checked before the folder is made: bad data must not leave a folder behind that
        // blocks running the same command again once the data is fixed.
        PreparedData data = loadData(spec);
        Phases phases = new Phases(options, loading);
        try (data; RunFolder folder = RunFolder.lock(dir)) {
            RunFolder.requireFresh(dir);
            AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), SpecWriter.toYaml(spec));
            return train(spec, data, dir, null, options, listener, phases);
        }
    }

    /** Continues the stopped or killed run in {@code dir} from its checkpoint, with the spec it started with. */
    public Outcome resume(Path dir, Options options, Listener listener) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
            throw new BadInputException("nothing to resume in " + dir + ": it has no " + RunFiles.CONFIG,
                    "give a folder written by `strata train`");
        }
        try (RunFolder folder = RunFolder.lock(dir)) {
            if (!Checkpoint.exists(dir)) {
                boolean finished = Files.exists(dir.resolve(RunFiles.REPORT_JSON));
                throw new BadInputException("nothing to resume in " + dir + ": it has no " + Checkpoint.FILE
                        + (finished ? " (the run already finished)" : " (the run stopped before its first checkpoint)"),
                        finished ? "its results are in " + dir.resolve(RunFiles.REPORT_MD) : "start over with the"
                                + " spec it saved: strata train " + dir.resolve(RunFiles.CONFIG) + " --out NEW_FOLDER"
                                + " (or remove " + dir + " and use it again); training.checkpoint_every sets how often"
                                + " checkpoints are written");
            }
            ModelSpec spec = specs.load(dir.resolve(RunFiles.CONFIG), List.of());
            Blas.preload();
            Checkpoint checkpoint = Checkpoint.read(dir);
            long loading = System.nanoTime();
            try (PreparedData data = loadData(spec)) {
                return train(spec, data, dir, checkpoint, options, listener, new Phases(options, loading));
            }
        }
    }

    /** When the command started and how long its data took to load, for the report's timing. */
    private record Phases(double startupSeconds, double loadSeconds) {
        Phases(Options options, long loadingStarted) {
            this((loadingStarted - options.startNanos()) / 1e9, (System.nanoTime() - loadingStarted) / 1e9);
        }
    }

    private Outcome train(ModelSpec spec, PreparedData data, Path dir, Checkpoint checkpoint, Options options,
            Listener listener, Phases phases) throws IOException {
        try {
            return trainAndWrite(spec, data, dir, checkpoint, options, listener, phases);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw DiskFull.named(e, dir);
        }
    }

    private Outcome trainAndWrite(ModelSpec spec, PreparedData data, Path dir, Checkpoint checkpoint, Options options,
            Listener listener, Phases phases) throws IOException {
        listener.ready(spec, data, checkpoint);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = options.interruptible() ? stopHook(stop, finished, Thread.currentThread(), dir) : null;
        try {
            TrainingListener stoppable = new StoppableListener(listener, stop);
            RunResult result = trainNamingTheCause(spec, data, stoppable, dir, checkpoint);
            if (result.training().stopped()) {
                listener.stopped(result, dir);
                return new Outcome(result, dir, true, null);
            }
            RunReport report = RunWriter.write(dir, result, new RunWriter.Provenance(options.overrides(),
                    catalog.provenance(), options.startNanos(), phases.startupSeconds(), phases.loadSeconds()));
            Files.deleteIfExists(dir.resolve(Checkpoint.FILE));
            RunFolder.removeLeftovers(dir);
            return new Outcome(result, dir, false, report.timing());
        } finally {
            finished.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it has been released above
                }
            }
        }
    }

    /** How long Ctrl-C waits for the current step and its checkpoint before the process ends without them. */
    static final int STOP_SECONDS = Integer.getInteger("strata.stop.seconds", 30);

    /**
     * Ctrl-C asks the loop to stop after the current step and write a checkpoint; the hook waits for
     * that, at most {@link #STOP_SECONDS} (a plugin stuck in a loop never returns to the loop). A
     * plugin that calls {@code System.exit} from the training thread also runs this hook: then the
     * run is incomplete, and the process ends with exit code 1 at once, saying so, instead of
     * waiting for a loop that will never go on and then reporting success.
     */
    private static Thread stopHook(AtomicBoolean stop, CountDownLatch finished, Thread training, Path dir) {
        Thread hook = new Thread(() -> {
            String exitCall = exitCall(training);
            if (exitCall != null) {
                System.err.println("error: " + exitCall + " called System.exit during training, so the run in " + dir
                        + " did not finish (its last checkpoint, if any, is kept); remove the call from the plugin");
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
            stop.set(true);
            try {
                if (!finished.await(STOP_SECONDS, TimeUnit.SECONDS)) {
                    System.err.println("error: training did not stop within " + STOP_SECONDS + " s of Ctrl-C (a plugin"
                            + " may be stuck in a loop); exiting without a new checkpoint; the last one in " + dir
                            + ", if any, is kept");
                    System.err.flush();
                    Runtime.getRuntime().halt(130);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "strata-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The class that called {@code System.exit} on {@code training}, or {@code null} when it did not. */
    static String exitCall(Thread training) {
        StackTraceElement[] frames = training.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement f = frames[i];
            boolean exit = f.getClassName().equals("java.lang.Shutdown") || f.getMethodName().equals("exit")
                    && (f.getClassName().equals("java.lang.Runtime") || f.getClassName().equals("java.lang.System"));
            if (exit) {
                for (int j = i + 1; j < frames.length; j++) {
                    String caller = frames[j].getClassName();
                    if (!caller.startsWith("java.")) {
                        return caller;
                    }
                }
                return "a plugin";
            }
        }
        return null;
    }

    /** Divergence gets the learning rate's value and what is kept, so the message says what to change. */
    private RunResult trainNamingTheCause(ModelSpec spec, PreparedData data, TrainingListener listener, Path dir,
            Checkpoint checkpoint) {
        try {
            return new Training(plugins).run(spec, data, listener, dir, checkpoint);
        } catch (DivergenceException e) {
            String kept = Checkpoint.exists(dir)
                    ? "; the last checkpoint before it is kept in " + dir.resolve(Checkpoint.FILE)
                    : "";
            if (e.beforeAnyUpdate()) {
                throw new DivergenceException(e.iteration(), e.cost(), true, dev.strata.engine.Trainer.FIRST_COST + kept);
            }
            double rate = spec.optimizer().params().getDouble(Parameters.LEARNING_RATE);
            throw new DivergenceException(e.iteration(), e.cost(), "the learning rate (optimizer.learning_rate: " + rate
                    + ") is probably too high: try a smaller one, e.g. --set optimizer.learning_rate=" + rate / 10 + kept);
        }
    }

    /** Passes everything on and also stops when Ctrl-C set {@code stop}. */
    private record StoppableListener(TrainingListener delegate, AtomicBoolean stop) implements TrainingListener {
        @Override
        public void started(int totalSteps, String unit) {
            delegate.started(totalSteps, unit);
        }

        @Override
        public void stepped(int step) {
            delegate.stepped(step);
        }

        @Override
        public void cost(dev.strata.engine.CostPoint point) {
            delegate.cost(point);
        }

        @Override
        public void validated(dev.strata.engine.ValidationPoint point) {
            delegate.validated(point);
        }

        @Override
        public boolean stopRequested() {
            return stop.get() || delegate.stopRequested();
        }
    }
}
