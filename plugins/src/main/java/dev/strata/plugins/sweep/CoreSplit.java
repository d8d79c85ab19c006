package dev.strata.plugins.sweep;

import dev.strata.spi.ExecutorContext;
import dev.strata.spi.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How a local sweep shares the cores: trials at a time × BLAS threads per trial, and why.
 *
 * <p>For {@code parallelism: auto} on N cores the two extremes are timed on the first trial's model
 * (after a warm-up): one trial with N BLAS threads, and N trials at once with one BLAS thread each,
 * alternating, best of two rounds each. The higher throughput in iterations per second wins. Small dense models (the cat models' first
 * layer is 12288×20) rarely keep several BLAS threads busy, so N × 1 usually wins; wide layers can
 * tip it the other way, which is why it is measured.
 */
record CoreSplit(int trials, int blasThreads, String explanation) {
    /** Iterations timed per measurement: long enough to see, short enough to cost a few seconds. */
    static final int CALIBRATION_ITERATIONS = 20;
    static final int WARMUP_ITERATIONS = 3;
    static final int ROUNDS = 2;

    static CoreSplit choose(Integer parallelism, Integer blasThreads, int cores, List<Trial> trials,
            ExecutorContext context) throws InterruptedException {
        if (parallelism != null) {
            int blas = blasThreads != null ? blasThreads : Math.max(1, cores / parallelism);
            return new CoreSplit(parallelism, blas, String.format(Locale.ROOT,
                    "Executor local: %d trial%s at a time × %d BLAS thread%s (%s).", parallelism,
                    parallelism == 1 ? "" : "s", blas, blas == 1 ? "" : "s",
                    blasThreads != null ? "as set" : "cores / parallelism"));
        }
        if (blasThreads != null) {
            int p = Math.max(1, cores / blasThreads);
            return new CoreSplit(p, blasThreads, String.format(Locale.ROOT,
                    "Executor local: %d trials at a time × %d BLAS threads (cores / blas_threads).", p, blasThreads));
        }
        if (cores == 1 || trials.size() == 1) {
            return new CoreSplit(1, cores, String.format(Locale.ROOT, "Executor local: 1 trial at a time × %d BLAS "
                    + "thread%s (%s; nothing to measure).", cores, cores == 1 ? "" : "s",
                    cores == 1 ? "one core" : "one trial"));
        }
        try {
            return measure(cores, trials.get(0), context);
        } catch (RuntimeException e) {
            // E.g. the first trial diverges within the timed iterations: it will fail as a trial.
            return new CoreSplit(cores, 1, String.format(Locale.ROOT, "Executor local: %d trials at a time × 1 BLAS "
                    + "thread (timing %s failed: %s; one trial per core).", cores, trials.get(0).id(), e.getMessage()));
        }
    }

    private static CoreSplit measure(int cores, Trial trial, ExecutorContext runner) throws InterruptedException {
        int before = runner.blasThreads();
        try {
            runner.secondsFor(trial, WARMUP_ITERATIONS);
            // Alternate and keep the best of each: a shared machine's load comes and goes.
            double oneWide = 0;
            double manyNarrow = 0;
            for (int round = 0; round < ROUNDS; round++) {
                runner.setBlasThreads(cores);
                oneWide = Math.max(oneWide, CALIBRATION_ITERATIONS / runner.secondsFor(trial, CALIBRATION_ITERATIONS));
                runner.setBlasThreads(1);
                manyNarrow = Math.max(manyNarrow, concurrent(cores, trial, runner));
            }
            boolean narrow = manyNarrow >= oneWide;
            String why = String.format(Locale.ROOT, "best of %d rounds on %s's model, %d iterations each: 1 trial × %d BLAS "
                    + "threads %.1f it/s, %d trials × 1 BLAS thread %.1f it/s in total", ROUNDS, trial.id(),
                    CALIBRATION_ITERATIONS, cores, oneWide, cores, manyNarrow);
            return narrow
                    ? new CoreSplit(cores, 1, "Executor local: " + cores + " trials at a time × 1 BLAS thread ("
                            + why + ").")
                    : new CoreSplit(1, cores, "Executor local: 1 trial at a time × " + cores + " BLAS threads ("
                            + why + ").");
        } finally {
            runner.setBlasThreads(before);
        }
    }

    /** Total iterations per second of {@code cores} timings running at once. */
    private static double concurrent(int cores, Trial trial, ExecutorContext runner) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<Double>> runs = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                runs.add(pool.submit(() -> runner.secondsFor(trial, CALIBRATION_ITERATIONS)));
            }
            // the slowest run's own training time, as for the single run: reading the data and
            // building the model at once are not what the split decides
            double slowest = 0;
            for (Future<Double> run : runs) {
                slowest = Math.max(slowest, run.get());
            }
            return cores * CALIBRATION_ITERATIONS / slowest;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("timing the first trial failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
