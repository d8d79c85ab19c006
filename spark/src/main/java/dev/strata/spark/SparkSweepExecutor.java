package dev.strata.spark;

import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import dev.strata.spi.SweepExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.spark.FutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.rdd.RDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs trials as Spark tasks. The trials are split into groups of {@code trials_per_task}, each
 * group its own one-partition RDD submitted as its own Spark job ({@code submitJob}) at once.
 * Spark schedules the jobs over the free task slots; each job's result handler hands the group's
 * outcomes to the sink the moment its task finishes, so results stream in completion order. One
 * job per group also isolates failures: a task that still fails after Spark's retries aborts only
 * its own job, whose trials are then reported as failed outcomes. The RDDs must be separate: when a
 * stage fails, Spark aborts every active job whose stages read the failed stage's RDD, and with one
 * RDD for all groups a failing trial took down the trials still running beside it.
 */
public final class SparkSweepExecutor implements SweepExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSweepExecutor.class);

    private final SparkSettings settings;
    private SparkContext context;
    private boolean ownsContext;

    public SparkSweepExecutor(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialOutcome> onOutcome)
            throws InterruptedException {
        if (trials.isEmpty()) {
            return;
        }
        SparkContext sc = context();
        Map<String, String> shipped = settings.distributeData() ? ship(sc, trials) : Map.of();
        List<ArrayList<Trial>> groups = groups(trials, settings.trialsPerTask());
        JavaSparkContext jsc = new JavaSparkContext(sc);
        Broadcast<TrialRunner> sharedRunner = jsc.broadcast(runner);
        TrialTask task = new TrialTask(sharedRunner, settings.nativeThreadsPerTask(), shipped);

        CountDownLatch done = new CountDownLatch(groups.size());
        ExecutionContext direct = ExecutionContext.fromExecutor(Runnable::run);
        List<Group> pending = new ArrayList<>();
        List<FutureAction<BoxedUnit>> jobs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group group = new Group(groups.get(i), onOutcome, done);
            pending.add(group);
            RDD<ArrayList<Trial>> rdd = jsc.parallelize(List.of(groups.get(i)), 1).rdd();
            FutureAction<BoxedUnit> job = sc.submitJob(rdd, task, onlyPartition(),
                    (index, outcomes) -> {
                        group.deliver(outcomes);
                        return BoxedUnit.UNIT;
                    },
                    () -> BoxedUnit.UNIT);
            job.onComplete((Try<BoxedUnit> result) -> {
                if (result.isFailure()) {
                    group.fail(errorText(result.failed().get()));
                }
                return BoxedUnit.UNIT;
            }, direct);
            jobs.add(job);
        }
        try {
            // A context stopped under us (its application killed on the cluster) may leave jobs that
            // never complete: check now and then, and fail what is left.
            while (!done.await(1, TimeUnit.SECONDS)) {
                if (sc.isStopped()) {
                    pending.forEach(g -> g.fail("the Spark application stopped before this trial ran"
                            + " (killed on the cluster, or no executor could start: see the Spark master's log)"));
                }
            }
        } catch (InterruptedException e) {
            jobs.forEach(FutureAction::cancel);
            throw e;
        } finally {
            if (!sc.isStopped()) {
                sharedRunner.destroy();
            }
        }
    }

    /** One group's trials and whether their outcomes were handed on: exactly once, success or failure. */
    private static final class Group {
        private final List<Trial> trials;
        private final Consumer<TrialOutcome> sink;
        private final CountDownLatch done;
        private final AtomicBoolean settled = new AtomicBoolean();

        Group(List<Trial> trials, Consumer<TrialOutcome> sink, CountDownLatch done) {
            this.trials = trials;
            this.sink = sink;
            this.done = done;
        }

        void deliver(List<TrialOutcome> outcomes) {
            if (settled.compareAndSet(false, true)) {
                try {
                    outcomes.forEach(sink);
                } finally {
                    done.countDown();
                }
            }
        }

        void fail(String error) {
            if (settled.compareAndSet(false, true)) {
                try {
                    LOG.warn("trials {} failed on Spark: {}", trials.stream().map(Trial::id).toList(), error);
                    trials.forEach(trial -> sink.accept(failed(trial, error)));
                } finally {
                    done.countDown();
                }
            }
        }
    }

    /** Stops the SparkContext if this executor started it. */
    @Override
    public synchronized void close() {
        if (context != null && ownsContext) {
            context.stop();
        }
        context = null;
    }

    /** The context: one already running in this JVM (spark-shell, a test), else a new one from the settings. */
    synchronized SparkContext context() {
        if (context == null) {
            // getActive is Spark-internal (private[spark], public in bytecode); it tells whether to stop the context later.
            ownsContext = SparkContext$.MODULE$.getActive().isEmpty();
            context = SparkContext.getOrCreate(conf(settings));
        }
        return context;
    }

    static SparkConf conf(SparkSettings settings) {
        String threads = Integer.toString(settings.nativeThreadsPerTask());
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName(settings.appName())
                // Executors on a cluster are their own JVMs: the environment caps their native threads
                // before ND4J loads; TrialTask caps them again through ND4J for local mode.
                .setExecutorEnv("OMP_NUM_THREADS", threads)
                .setExecutorEnv("OPENBLAS_NUM_THREADS", threads);
        // The sweep's progress lines are the output people read; Spark's INFO lines would bury them.
        conf.setIfMissing("spark.log.level", "WARN");
        if (settings.master().startsWith("local")) {
            // Everything runs in this JVM: nothing needs to reach the driver from another host.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.sparkConf().forEach(conf::set);
        return conf;
    }

    private static Map<String, String> ship(SparkContext sc, List<Trial> trials) {
        Map<String, String> files = DataFiles.find(trials);
        files.keySet().forEach(sc::addFile);
        return files;
    }

    static List<ArrayList<Trial>> groups(List<Trial> trials, int perGroup) {
        List<ArrayList<Trial>> groups = new ArrayList<>();
        for (int from = 0; from < trials.size(); from += perGroup) {
            groups.add(new ArrayList<>(trials.subList(from, Math.min(trials.size(), from + perGroup))));
        }
        return groups;
    }

    private static scala.collection.immutable.Seq<Object> onlyPartition() {
        return CollectionConverters.asScala(List.<Object>of(0)).toList();
    }

    /** Spark's abort message up to the stack trace, e.g. "Job aborted ... failed 4 times ...: java.lang.X: why". */
    static String errorText(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int trace = message.indexOf("\n\tat ");
        String first = (trace >= 0 ? message.substring(0, trace) : message).strip();
        return "the Spark task running this trial failed and was not retried successfully: " + first;
    }

    private static TrialOutcome failed(Trial trial, String error) {
        return new TrialOutcome(trial.id(), TrialOutcome.FAILED, Map.of(), List.of(), 0.0, error, null);
    }
}
