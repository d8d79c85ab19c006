package dev.strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.engine.LayerFunctions;
import dev.strata.spi.Matrix;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sweep submitted to a real standalone master with one worker, all on 127.0.0.1. */
class StandaloneClusterTest {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aSweepRunsOnTheWorkersExecutorsAndItsOutcomesComeBackToTheDriver(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("weights.csv"), "2.0\n");
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            trials.add(new Trial("t" + i, Map.of("scale", i, "driver_path", data.toString()), "scale: " + i + "\ndata: {path: " + data + "}\n"));
        }
        List<TrialOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

        try (LoopbackCluster cluster = LoopbackCluster.start(dir.resolve("cluster"), 2, Duration.ofSeconds(60))) {
            SparkSettings settings = new SparkSettings(cluster.masterUrl(), 2, "cluster-test", 1, true, Map.of(
                    "spark.executor.extraClassPath", LoopbackCluster.classpath(),
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1",
                    "spark.executor.memory", "512m",
                    "spark.ui.enabled", "false"));
            try (SparkSweepExecutor executor = new SparkSweepExecutor(settings)) {
                executor.execute(trials, new ScaleOnExecutor(), outcomes::add);
            } catch (RuntimeException e) {
                throw new AssertionError("the sweep failed; cluster logs:\n" + cluster.logs(), e);
            }
        }

        assertThat(outcomes).extracting(TrialOutcome::id).containsExactlyInAnyOrder("t1", "t2", "t3", "t4");
        for (TrialOutcome outcome : outcomes) {
            assertThat(outcome.error()).isNull();
            double scale = Double.parseDouble(outcome.id().substring(1));
            assertThat(outcome.metrics())
                    .containsEntry("on_driver", 0.0)
                    .containsEntry("product", 2.0 * scale * 3.0)
                    .containsEntry("omp_num_threads", 1.0)
                    .containsEntry("shipped_copy", 1.0);
        }
    }

    /** Reads the shipped file and multiplies with the engine's BLAS on the executor, reporting where it ran. */
    static final class ScaleOnExecutor implements TrialRunner {
        @Override
        public TrialOutcome run(Trial trial) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = new org.yaml.snakeyaml.Yaml().load(trial.specYaml());
            String path = (String) ((Map<String, Object>) spec.get("data")).get("path");
            try {
                double weight = Double.parseDouble(Files.readString(Path.of(path)).strip());
                // The engine's own product (OpenBLAS through JavaCPP), so the natives load on the executor.
                Matrix product = LayerFunctions.linearForward(Matrix.ofRows(new double[] {((Number) spec.get("scale"))
                        .doubleValue()}, new double[] {0}), Matrix.ofRows(new double[] {weight, 0}, new double[] {0, 1}),
                        Matrix.zeros(2, 1));
                return new TrialOutcome(trial.id(), TrialOutcome.OK, Map.of(
                        "product", 3 * product.get(0, 0),
                        "on_driver", "driver".equals(SparkEnv.get().executorId()) ? 1.0 : 0.0,
                        "omp_num_threads", Double.parseDouble(System.getenv().getOrDefault("OMP_NUM_THREADS", "-1")),
                        "shipped_copy", path.equals(trial.parameters().get("driver_path")) ? 0.0 : 1.0),
                        List.of(), 0, null, null);
            } catch (java.io.IOException e) {
                return new TrialOutcome(trial.id(), TrialOutcome.FAILED, Map.of(), List.of(), 0, e.toString(), null);
            }
        }
    }
}
