package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.io.Npz;
import dev.strata.io.NumpyArray;
import dev.strata.testing.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped tabular config as the walk-through runs it: a CSV with text classes to a trained
 * model with validation, early stopping and standardisation, then evaluate and predict from CSV
 * files to predictions files; and a run killed mid-way resumes to the same early-stopping decision.
 */
class TabularEndToEndTest {
    private static final Path CONFIG = CliRunner.config("sensors-tabular.yaml");
    private static final List<String> CLASSES = List.of("drift", "normal", "spike", "stuck");

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void trainsEvaluatesAndPredictsFromCsvFilesWithClassNames() throws IOException {
        Path run = dir.resolve("run");
        CliRunner.Result trained = CliRunner.run("train", CONFIG.toString(), "--out", run.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("validation after epoch 0: cost ", "Validation accuracy: ",
                "Test accuracy: ").containsPattern("(Stopped early after epoch \\d+|Best validation.cost)");

        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(run.resolve("report.json")));
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        assertThat(metrics).containsKeys("train", "validation", "test");
        Map<String, Object> test = (Map<String, Object>) metrics.get("test");
        assertThat(((Map<String, Object>) test.get("per_class")).keySet()).containsExactlyElementsOf(CLASSES);
        assertThat(test.get("average")).isEqualTo("macro");
        assertThat(((Number) ((Map<String, Object>) metrics.get("validation")).get("examples")).intValue())
                .isEqualTo(480);
        Map<String, Object> validation = (Map<String, Object>) report.get("validation");
        List<Map<String, Object>> history = (List<Map<String, Object>>) validation.get("history");
        assertThat(history).isNotEmpty();
        assertThat(history.get(0)).containsKeys("step", "train_cost", "train_metric", "cost", "metrics");
        assertThat(validation).containsKeys("best_step", "best", "stopped_early", "restored_best");
        assertThat(run.resolve("confusion-matrix.png")).isNotEmptyFile();
        assertThat(Files.readString(run.resolve("report.md"))).contains("| validation | 480 |", "**Per class (test)**",
                "## Early stopping", "macro averages");
        Map<String, Object> info = (Map<String, Object>) Json.parse(Files.readString(run.resolve("model.json")));
        assertThat((List<Object>) info.get("class_names")).containsExactlyElementsOf(CLASSES);
        assertThat((List<Object>) info.get("input_shift")).hasSize(16);

        Path evaluated = dir.resolve("evaluated.csv");
        CliRunner.Result evaluate = CliRunner.run("evaluate", run.toString(), "--out", evaluated.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        double testAccuracy = ((Number) test.get("accuracy")).doubleValue();
        assertThat(evaluate.out()).contains(String.format(java.util.Locale.ROOT, "accuracy %.6f", testAccuracy));
        List<String> rows = Files.readAllLines(evaluated);
        assertThat(rows.get(0)).isEqualTo("split,example,label,predicted,probability_drift,probability_normal,"
                + "probability_spike,probability_stuck");
        assertThat(rows).hasSize(1 + 1920 + 480 + 600);
        long correct = rows.stream().skip(1).filter(r -> r.startsWith("test,")).filter(r -> {
            String[] cells = r.split(",");
            return cells[2].equals(cells[3]);
        }).count();
        assertThat(correct / 600.0).isEqualTo(testAccuracy);

        Path predictions = dir.resolve("predictions.csv");
        CliRunner.Result predict = CliRunner.run("predict", run.toString(), "--data",
                CliRunner.REPO.resolve("examples/data/tabular/sensors-new.csv").toString(), "--out",
                predictions.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> predicted = Files.readAllLines(predictions);
        assertThat(predicted).hasSize(21);
        for (String row : predicted.subList(1, 21)) {
            String[] cells = row.split(",");
            assertThat(CLASSES).contains(cells[1]);
            double sum = 0;
            for (int k = 2; k < 6; k++) {
                sum += Double.parseDouble(cells[k]);
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void aRunKilledBeforeEarlyStoppingResumesToTheSameStopAndTheSameBestParameters() throws Exception {
        String[] slower = {"--set", "training.batch_size=8", "--set", "training.checkpoint_every=1", "--set",
            "training.early_stopping.patience=15"};
        Path reference = dir.resolve("reference");
        CliRunner.Result whole = CliRunner.run(concat(new String[] {"train", CONFIG.toString(), "--out",
            reference.toString(), "--quiet"}, slower));
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        Path run = dir.resolve("killed");
        Path log = dir.resolve("killed.log");
        Process process = CliRunner.start(log, concat(new String[] {"train", CONFIG.toString(), "--out",
            run.toString()}, slower));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(run.resolve("checkpoint.npz")) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.resolve("report.json")).as("the run finished before it was killed").doesNotExist();

        CliRunner.Result resumed = CliRunner.run("train", "--resume", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Map<String, NumpyArray> expected = Npz.read(reference.resolve("model.npz"));
        Map<String, NumpyArray> actual = Npz.read(run.resolve("model.npz"));
        expected.forEach((name, array) -> assertThat(actual.get(name).values()).as(name).containsExactly(array.values()));
        assertThat(section(run, "validation")).isEqualTo(section(reference, "validation"));
        assertThat(section(run, "costs")).isEqualTo(section(reference, "costs"));
    }

    private static Object section(Path run, String key) throws IOException {
        return ((Map<?, ?>) Json.parse(Files.readString(run.resolve("report.json")))).get(key);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
