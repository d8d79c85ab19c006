package dev.strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Params;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor on {@code local[2,3]} (two task slots, three attempts per task): one SparkContext for
 * the class, which the executors reuse and leave running. The runners are static classes that talk
 * to the test through static state; that works because local-mode tasks run in this JVM.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SparkSweepExecutorTest {
    private static SparkContext context;

    @BeforeAll
    static void startSpark() {
        context = new SparkContext(new SparkConf().setMaster("local[2,3]").setAppName("executor-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        context.stop();
    }

    @Test
    void outcomesStreamToTheSinkWhileOtherTrialsAreStillRunning() throws Exception {
        // "slow" blocks until the sink has seen "fast": only a streaming executor lets it finish in time.
        List<Trial> trials = List.of(trial("slow"), trial("fast"));
        List<TrialOutcome> seen = run(settings(1, 1), trials, new WaitForFast());

        assertThat(seen).extracting(TrialOutcome::id).containsExactly("fast", "slow");
        assertThat(seen.get(1).metrics()).containsEntry("saw_fast_first", 1.0);
    }

    @Test
    void trialsPerTaskGroupsConsecutiveTrialsIntoOneTask() throws Exception {
        List<Trial> trials = List.of(trial("a"), trial("b"), trial("c"), trial("d"), trial("e"));
        List<TrialOutcome> seen = run(settings(2, 1), trials, new RecordTask());

        Map<String, Double> taskOf = new java.util.TreeMap<>();
        seen.forEach(o -> taskOf.put(o.id(), o.metrics().get("task")));
        assertThat(seen).hasSize(5).allMatch(TrialOutcome::ok);
        assertThat(taskOf.get("a")).isEqualTo(taskOf.get("b"));
        assertThat(taskOf.get("c")).isEqualTo(taskOf.get("d"));
        assertThat(java.util.Set.of(taskOf.get("a"), taskOf.get("c"), taskOf.get("e"))).hasSize(3);
    }

    @Test
    void aTaskThatThrowsIsRetriedBySparkAndSucceedsOnALaterAttempt() throws Exception {
        List<TrialOutcome> seen = run(settings(1, 1), List.of(trial("flaky")), new FailFirstAttempt());

        assertThat(seen).singleElement().satisfies(o -> {
            assertThat(o.ok()).isTrue();
            assertThat(o.metrics()).containsEntry("attempt", 1.0);
        });
    }

    @Test
    void aTaskThatKeepsFailingBecomesAFailedOutcomeAndTheOtherTrialsStillRun() throws Exception {
        List<Trial> trials = List.of(trial("ok-1"), trial("broken"), trial("ok-2"));
        List<TrialOutcome> seen = run(settings(1, 1), trials, new AlwaysThrowFor("broken"));

        assertThat(seen).hasSize(3);
        TrialOutcome broken = seen.stream().filter(o -> o.id().equals("broken")).findFirst().orElseThrow();
        assertThat(broken.ok()).isFalse();
        assertThat(broken.error()).contains("failed 3 times").contains("no luck for broken").doesNotContain("\tat ");
        assertThat(seen).filteredOn(o -> !o.id().equals("broken")).allMatch(TrialOutcome::ok);
    }

    @Test
    void aTrialThatFailsForGoodDoesNotAbortATrialStillRunningBesideIt() throws Exception {
        BrokenBesideSlow.brokenAttempts.set(0);
        List<TrialOutcome> seen = run(settings(1, 1), List.of(trial("slow"), trial("broken")), new BrokenBesideSlow());

        assertThat(seen).hasSize(2);
        assertThat(seen).filteredOn(o -> o.id().equals("broken")).singleElement().satisfies(o -> assertThat(o.ok()).isFalse());
        assertThat(seen).filteredOn(o -> o.id().equals("slow")).singleElement().satisfies(o -> {
            assertThat(o.error()).isNull();
            assertThat(o.ok()).isTrue();
        });
    }

    @Test
    void distributedDataFilesAreReadFromTheShippedCopy(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("train-" + System.nanoTime() + ".csv"), "1,2,3\n");
        Trial trial = new Trial("t", Map.of(), "data:\n  train: {path: " + data.toAbsolutePath() + "}\nseed: 1\n");
        SparkSettings settings = settings(1, 1);
        settings = new SparkSettings(settings.master(), 1, settings.appName(), 1, true, Map.of());

        TrialOutcome outcome = run(settings, List.of(trial), new ReadTrainFile(data.toString())).get(0);

        assertThat(outcome.error()).isNull();
        assertThat(outcome.metrics()).containsEntry("shipped_copy", 1.0).containsEntry("same_bytes", 1.0);
    }

    @Test
    void blasThreadsAreSetInsideTheTask() throws Exception {
        TrialOutcome two = run(settings(1, 2), List.of(trial("t")), new ReportThreads()).get(0);
        TrialOutcome one = run(settings(1, 1), List.of(trial("t")), new ReportThreads()).get(0);

        assertThat(two.metrics()).containsEntry("blas", 2.0);
        assertThat(one.metrics()).containsEntry("blas", 1.0);
    }

    @Test
    void theFactoryDeclaresItsParametersAndBuildsAnExecutorFromTheDefaults() {
        SparkExecutorFactory factory = new SparkExecutorFactory();
        SparkSettings settings = SparkSettings.from(Params.defaults(factory.parameters()));

        assertThat(factory.name()).isEqualTo("spark");
        assertThat(settings).isEqualTo(new SparkSettings("local[2]", 1, "strata-sweep", 1, false, Map.of()));
        assertThat(factory.create(Params.defaults(factory.parameters()), null)).isInstanceOf(SparkSweepExecutor.class);
    }

    private static List<TrialOutcome> run(SparkSettings settings, List<Trial> trials, TrialRunner runner)
            throws InterruptedException {
        List<TrialOutcome> seen = Collections.synchronizedList(new ArrayList<>());
        try (SparkSweepExecutor executor = new SparkSweepExecutor(settings)) {
            executor.execute(trials, runner, outcome -> {
                seen.add(outcome);
                if (outcome.id().equals("fast")) {
                    WaitForFast.FAST_SEEN.countDown();
                }
            });
        }
        assertThat(context.isStopped()).as("the executor leaves a context it did not start running").isFalse();
        return new ArrayList<>(seen);
    }

    private static SparkSettings settings(int trialsPerTask, int threads) {
        return new SparkSettings("local[2,3]", trialsPerTask, "executor-test", threads, false, Map.of());
    }

    private static Trial trial(String id) {
        return new Trial(id, Map.of("id", id), "seed: 1\n");
    }

    private static TrialOutcome ok(Trial trial, Map<String, Double> metrics) {
        return new TrialOutcome(trial.id(), TrialOutcome.OK, metrics, List.of(), 0.0, null, null);
    }

    static final class WaitForFast implements TrialRunner {
        static final CountDownLatch FAST_SEEN = new CountDownLatch(1);

        @Override
        public TrialOutcome run(Trial trial) {
            if (!trial.id().equals("slow")) {
                return ok(trial, Map.of());
            }
            try {
                boolean saw = FAST_SEEN.await(30, TimeUnit.SECONDS);
                return ok(trial, Map.of("saw_fast_first", saw ? 1.0 : 0.0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static final class RecordTask implements TrialRunner {
        @Override
        public TrialOutcome run(Trial trial) {
            return ok(trial, Map.of("task", (double) TaskContext.get().taskAttemptId()));
        }
    }

    static final class FailFirstAttempt implements TrialRunner {
        @Override
        public TrialOutcome run(Trial trial) {
            int attempt = TaskContext.get().attemptNumber();
            if (attempt == 0) {
                throw new IllegalStateException("first attempt of " + trial.id() + " fails");
            }
            return ok(trial, Map.of("attempt", (double) attempt));
        }
    }

    static final class AlwaysThrowFor implements TrialRunner {
        private final String id;

        AlwaysThrowFor(String id) {
            this.id = id;
        }

        @Override
        public TrialOutcome run(Trial trial) {
            if (trial.id().equals(id)) {
                throw new IllegalStateException("no luck for " + id);
            }
            return ok(trial, Map.of());
        }
    }

    /** "broken" fails every attempt; "slow" finishes only after broken's job has been aborted. */
    static final class BrokenBesideSlow implements TrialRunner {
        static final java.util.concurrent.atomic.AtomicInteger brokenAttempts = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public TrialOutcome run(Trial trial) {
            if (trial.id().equals("broken")) {
                brokenAttempts.incrementAndGet();
                throw new IllegalStateException("no luck for broken");
            }
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (brokenAttempts.get() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(1000); // the abort of broken's job happens meanwhile
            } catch (InterruptedException e) {
                throw new IllegalStateException("slow was interrupted: its job was aborted", e);
            }
            return ok(trial, Map.of());
        }
    }

    static final class ReadTrainFile implements TrialRunner {
        private final String original;

        ReadTrainFile(String original) {
            this.original = original;
        }

        @Override
        public TrialOutcome run(Trial trial) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, String>>> spec = new org.yaml.snakeyaml.Yaml().load(trial.specYaml());
            String path = spec.get("data").get("train").get("path");
            try {
                boolean same = Files.readString(Path.of(path)).equals(Files.readString(Path.of(original)));
                return ok(trial, Map.of("shipped_copy", path.equals(original) ? 0.0 : 1.0, "same_bytes", same ? 1.0 : 0.0));
            } catch (IOException e) {
                return new TrialOutcome(trial.id(), TrialOutcome.FAILED, Map.of(), List.of(), 0, e.toString(), null);
            }
        }
    }

    static final class ReportThreads implements TrialRunner {
        @Override
        public TrialOutcome run(Trial trial) {
            return ok(trial, Map.of("blas", (double) dev.strata.engine.Blas.threads()));
        }
    }
}
