package dev.strata.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.cli.Main;
import dev.strata.testing.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One sweep file run by the local executor and, through the spark-submit main, by Spark on local[2]. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SparkSweepEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void sparkOnLocal2RanksTheTrialsExactlyAsTheLocalExecutorDoes() throws Exception {
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, "base: " + Path.of("../configs/cat-deep.yaml").toAbsolutePath().normalize() + "\n" + """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.0075, 0.02, 1000000.0]
                  training.iterations: [4, 8]
                objective: {metric: train.accuracy, goal: maximize}
                executor: {type: local, parallelism: 2, blas_threads: 1}
                """);
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");

        assertSucceeds(() -> Main.run(new String[] {"sweep", file.toString(), "--out", local.toString()}, out(), err()));
        Path events = Files.createDirectories(tmp.resolve("spark-events"));
        assertSucceeds(() -> SparkSweepMain.run(new String[] {file.toString(), "--out", spark.toString(),
            "--set", "executor.spark_conf=[spark.eventLog.enabled=true,"
                    + " spark.eventLog.compress=false, spark.eventLog.dir=" + events.toUri() + "]"},
                "local[2]", out(), err()));

        // Spark's event log proves the trials ran as Spark tasks: one job and one task per trial.
        // (Spark 4 writes rolling event logs: a folder of files, next to hidden checksum files.)
        StringBuilder log = new StringBuilder();
        try (var files = Files.walk(events)) {
            for (Path part : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                log.append(Files.readString(part));
            }
        }
        assertThat(log).contains("\"App Name\":\"strata-sweep\"");
        assertThat(log.toString().lines().filter(l -> l.contains("\"Event\":\"SparkListenerTaskEnd\""))).hasSize(6);

        assertThat(rankedIds(spark)).isEqualTo(rankedIds(local)).hasSize(6);
        Map<String, Map<String, Object>> byLocal = byId(local);
        Map<String, Map<String, Object>> bySpark = byId(spark);
        assertThat(bySpark.keySet()).isEqualTo(byLocal.keySet());
        byLocal.forEach((id, line) -> {
            assertThat(bySpark.get(id).get("status")).isEqualTo(line.get("status"));
            assertThat(bySpark.get(id).get("metrics")).as(id).isEqualTo(line.get("metrics"));
        });
        assertThat(byLocal.values()).filteredOn(l -> "failed".equals(l.get("status"))).hasSize(2);
    }

    @Test
    void successiveHalvingAndHyperbandOnSparkStopAndPromoteTheSameTrialsAsTheLocalExecutor() throws Exception {
        // rungs at 1, 2 and 4 epochs: successive halving keeps 2, 1 and 1 of 4 trials (three stop); Hyperband
        // deals them to brackets starting at 1, 2 and 4 (trials 1 and 4 in the first, where one stops)
        for (String pruner : List.of("successive_halving", "hyperband")) {
            Path file = tmp.resolve(pruner + ".yaml");
            Files.writeString(file, "base: " + Path.of("../configs/sensors-tabular.yaml").toAbsolutePath().normalize()
                    + "\n" + """
                    strategy: grid
                    parameters:
                      optimizer.learning_rate: [0.0003, 0.003, 0.03, 0.1]
                      training.epochs: [8]
                    objective: {metric: validation.cost, goal: minimize}
                    pruner: {type: %s, reduction_factor: 2, min_epochs: 1}
                    executor: {type: local, parallelism: 2, blas_threads: 1}
                    """.formatted(pruner));
            Path local = tmp.resolve(pruner + "-local");
            Path spark = tmp.resolve(pruner + "-spark");
            assertSucceeds(() -> Main.run(new String[] {"sweep", file.toString(), "--out", local.toString()}, out(),
                    err()));
            assertSucceeds(() -> SparkSweepMain.run(new String[] {file.toString(), "--out", spark.toString()},
                    "local[2]", out(), err()));

            Map<String, Map<String, Object>> byLocal = byId(local);
            Map<String, Map<String, Object>> bySpark = byId(spark);
            assertThat(bySpark.keySet()).as(pruner).isEqualTo(byLocal.keySet()).hasSize(4);
            byLocal.forEach((id, line) -> {
                assertThat(bySpark.get(id).get("status")).as(pruner + " " + id).isEqualTo(line.get("status"));
                assertThat(bySpark.get(id).get("metrics")).as(pruner + " " + id).isEqualTo(line.get("metrics"));
            });
            assertThat(byLocal.values()).as(pruner).filteredOn(l -> "pruned".equals(l.get("status")))
                    .hasSize(pruner.equals("hyperband") ? 1 : 3);
            assertThat(Files.readString(spark.resolve("summary.md"))).contains("The pruner decides synchronously");
        }
    }

    private static List<String> rankedIds(Path sweep) throws IOException {
        return Files.readString(sweep.resolve("summary.md")).lines()
                .filter(l -> l.matches("\\| (\\d+|-) \\| t\\d{4}-.*"))
                .map(l -> l.split("\\|")[2].strip())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byId(Path sweep) throws IOException {
        Map<String, Map<String, Object>> lines = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(sweep.resolve("results.jsonl"))) {
            Map<String, Object> parsed = (Map<String, Object>) Json.parse(line);
            parsed.remove("seconds");
            lines.put((String) parsed.get("id"), parsed);
        }
        return lines;
    }

    private final StringWriter outText = new StringWriter();
    private final StringWriter errText = new StringWriter();

    private PrintWriter out() {
        return new PrintWriter(outText, true);
    }

    private PrintWriter err() {
        return new PrintWriter(errText, true);
    }

    private void assertSucceeds(java.util.function.IntSupplier command) {
        assertThat(command.getAsInt()).as("out:\n%s\nerr:\n%s", outText, errText).isZero();
    }
}
