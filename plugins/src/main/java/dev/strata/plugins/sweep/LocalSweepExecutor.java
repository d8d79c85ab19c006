package dev.strata.plugins.sweep;

import dev.strata.spi.ExecutorContext;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs trials on a pool of threads in this JVM. BLAS threads are process-wide, so the split is
 * chosen as a whole: {@code parallelism} trials at a time × {@code blas_threads} BLAS threads. With
 * {@code auto} the split is measured on the first trial (see {@link CoreSplit}).
 */
final class LocalSweepExecutor implements dev.strata.spi.SweepExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSweepExecutor.class);

    private final Integer parallelism;
    private final Integer blasThreads;
    private final ExecutorContext context;
    private ExecutorService pool;
    private CoreSplit split;

    /** {@code null} means auto. */
    LocalSweepExecutor(Integer parallelism, Integer blasThreads, ExecutorContext context) {
        this.parallelism = parallelism;
        this.blasThreads = blasThreads;
        this.context = context;
    }

    @Override
    public void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialOutcome> onOutcome)
            throws InterruptedException {
        if (trials.isEmpty()) {
            return;
        }
        if (split == null) {
            // chosen (and said) once per sweep: an adaptive sweep calls execute once per trial
            split = parallelism == null && blasThreads == null ? recalled() : null;
            if (split == null) {
                split = CoreSplit.choose(parallelism, blasThreads, context.cores(), trials, context);
                context.remember(SPLIT_KEY, split.trials() + "x" + split.blasThreads());
            }
            context.say(split.explanation());
            pool = Executors.newFixedThreadPool(split.trials(), r -> {
                Thread t = new Thread(r, "strata-trial");
                t.setDaemon(true);
                return t;
            });
        }
        int before = context.blasThreads();
        context.setBlasThreads(split.blasThreads());
        boolean finished = false;
        try {
            List<Future<?>> futures = trials.stream().<Future<?>>map(trial -> pool.submit(() ->
                    onOutcome.accept(runSafely(runner, trial)))).toList();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // Only the sink can throw here (the runner's failures are outcomes): stop the sweep.
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
            finished = true;
        } finally {
            if (!finished) {
                close();
            }
            context.setBlasThreads(before);
        }
    }

    static final String SPLIT_KEY = "local.core_split";

    /** The split an earlier run of this sweep measured ({@code sweep --resume}), or null. */
    private CoreSplit recalled() {
        return context.recalled(SPLIT_KEY).map(value -> {
            String[] parts = value.split("x");
            int p = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            return new CoreSplit(p, b, String.format(java.util.Locale.ROOT, "Executor local: %d trial%s at a time × %d"
                    + " BLAS thread%s (as measured when the sweep started).", p, p == 1 ? "" : "s", b,
                    b == 1 ? "" : "s"));
        }).orElse(null);
    }

    /** A runner that throws despite its contract still yields a failed outcome. */
    private static TrialOutcome runSafely(TrialRunner runner, Trial trial) {
        long start = System.nanoTime();
        try {
            return runner.run(trial);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("trial {} threw instead of failing: {}", trial.id(), e.toString());
            return new TrialOutcome(trial.id(), TrialOutcome.FAILED, Map.of(), List.of(),
                    (System.nanoTime() - start) / 1e9, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool = null;
            split = null;
        }
    }
}
