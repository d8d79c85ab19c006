package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Injector;
import dev.strata.data.PreparedData;
import dev.strata.eval.Metrics;
import dev.strata.testing.Json;
import dev.strata.engine.Inference;
import dev.strata.eval.Classification;
import dev.strata.io.NumpyArray;
import dev.strata.io.Npz;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.run.Runs;
import dev.strata.run.SavedModel;
import dev.strata.spec.SpecLoader;
import dev.strata.testing.Golden;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `strata train`, `evaluate` and `predict` run as a user runs them, on the shipped cat config with
 * fewer iterations; every output file is read back.
 */
class TrainCommandEndToEndTest {
    @TempDir
    static Path tmp;
    static Path run;
    static CliRunner.Result trained;

    @BeforeAll
    static void trainOnce() {
        run = tmp.resolve("run");
        trained = CliRunner.run("train", CliRunner.config("cat-deep.yaml").toString(), "--out", run.toString(),
                "--set", "training.iterations=31", "--set", "training.print_every=10");
    }

    @Test
    void trainPrintsTheSeedsCostLinesMetricsAndWhereTheReportWent() {
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        List<String> lines = trained.out().lines().toList();
        double cost0 = Double.parseDouble(lines.stream().filter(l -> l.startsWith("Cost after iteration 0: ")).findFirst()
                .orElseThrow().substring("Cost after iteration 0: ".length()));
        // printed rounded to six significant digits for people; report.json keeps every digit
        assertThat(cost0).isEqualTo(0.771749);
        // 0, 10, 20 and the last iteration, 30
        assertThat(lines).filteredOn(l -> l.startsWith("Cost after iteration ")).hasSize(4);
        assertThat(trained.out()).contains("Train accuracy: ", "Test accuracy: ", "Report: " + run.resolve("report.md"));
        assertThat(trained.err()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportJsonKeepsTheContractKeys() throws Exception {
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(run.resolve("report.json")));
        assertThat(report).containsKeys("name", "config", "costs", "metrics", "timing", "environment");
        assertThat(report.get("name")).isEqualTo("cat-deep");
        List<Map<String, Object>> costs = (List<Map<String, Object>>) report.get("costs");
        assertThat(costs).extracting(c -> ((Number) c.get("iteration")).intValue()).containsExactly(0, 10, 20, 30);
        List<List<Number>> golden = (List<List<Number>>) Golden.trajectory("deep_4_layer").get("costs");
        assertThat(((Number) costs.get(0).get("cost")).doubleValue()).isCloseTo(golden.get(0).get(1).doubleValue(), within(1e-9));
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        for (String split : List.of("train", "test")) {
            Map<String, Object> m = (Map<String, Object>) metrics.get(split);
            assertThat(m).containsKeys("accuracy", "precision", "recall", "f1", "confusion_matrix", "examples");
            List<List<Number>> confusion = (List<List<Number>>) m.get("confusion_matrix");
            long total = confusion.stream().flatMap(List::stream).mapToLong(Number::longValue).sum();
            assertThat(total).isEqualTo(((Number) m.get("examples")).longValue());
        }
        assertThat(((Number) ((Map<String, Object>) metrics.get("train")).get("examples")).intValue()).isEqualTo(209);
        assertThat(((Number) ((Map<String, Object>) metrics.get("test")).get("examples")).intValue()).isEqualTo(50);
        Map<String, Object> timing = (Map<String, Object>) report.get("timing");
        assertThat(((Number) timing.get("train_seconds")).doubleValue()).isPositive()
                .isLessThan(((Number) timing.get("total_seconds")).doubleValue());
        // 31 updates: the rate over the second half, 15 of them
        assertThat(((Number) timing.get("warm_updates_per_second")).doubleValue()).isPositive();
        assertThat((Map<String, Object>) report.get("environment")).containsKeys("strata", "java", "nd4j", "blas", "dtype");
        Map<String, Object> config = (Map<String, Object>) report.get("config");
        assertThat(((Map<String, Object>) config.get("training")).get("iterations")).isEqualTo(31L);
    }

    @Test
    void chartsAreDecodablePngsOfTheExpectedSize() throws Exception {
        BufferedImage curve = ImageIO.read(run.resolve("cost-curve.png").toFile());
        assertThat(curve.getWidth()).isEqualTo(800);
        assertThat(curve.getHeight()).isEqualTo(500);
        BufferedImage mislabeled = ImageIO.read(run.resolve("mislabeled.png").toFile());
        assertThat(mislabeled).isNotNull();
        assertThat(mislabeled.getWidth()).isGreaterThanOrEqualTo(128);
        assertThat(Files.readString(run.resolve("report.md"))).contains("![cost curve](cost-curve.png)",
                "![mislabeled test images](mislabeled.png)", "| test | 50 |");
    }

    @Test
    void modelNpzReloadsAndPredictsWhatTheReportMeasured() throws Exception {
        Map<String, NumpyArray> parameters = Npz.read(run.resolve("model.npz"));
        assertThat(parameters).containsOnlyKeys("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4");
        assertThat(parameters.get("W1").shape()).containsExactly(20, 12288);
        Injector injector = StrataInjector.create(List.of());
        SavedModel model = SavedModel.load(run, injector.getInstance(SpecLoader.class), injector.getInstance(PluginRegistry.class));
        PreparedData data = injector.getInstance(Runs.class).loadData(model.spec());
        Classification test = (Classification) Metrics.of(Inference.outputs(model.network(), data.test().inputs()), 1,
                data.test().labels(), 0.5, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> reported = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) Json.parse(
                Files.readString(run.resolve("report.json")))).get("metrics")).get("test");
        assertThat(test.accuracy()).isEqualTo(((Number) reported.get("accuracy")).doubleValue());

        CliRunner.Result evaluated = CliRunner.run("evaluate", run.toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains(String.format(java.util.Locale.ROOT, "accuracy %.6f", test.accuracy()));
    }

    @Test
    void predictOnAnExportedTestImageGivesTheModelsProbabilityForThatExample() throws Exception {
        Injector injector = StrataInjector.create(List.of());
        SavedModel model = SavedModel.load(run, injector.getInstance(SpecLoader.class), injector.getInstance(PluginRegistry.class));
        PreparedData data = injector.getInstance(Runs.class).loadData(model.spec());
        int example = 3;
        double expected = Inference.outputs(model.network(), data.test().inputs())[example];
        File png = tmp.resolve("test-image-3.png").toFile();
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        double[] raw = data.test().raw(example);
        int offset = 0;
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                int i = offset + (r * 64 + c) * 3;
                image.setRGB(c, r, ((int) raw[i] << 16) | ((int) raw[i + 1] << 8) | (int) raw[i + 2]);
            }
        }
        ImageIO.write(image, "png", png);
        CliRunner.Result predicted = CliRunner.run("predict", run.toString(), png.toString());
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        String line = predicted.out().strip();
        double probability = Double.parseDouble(line.substring(line.lastIndexOf(": ") + 2, line.length() - 1));
        assertThat(probability).isCloseTo(expected, within(5e-7));
        assertThat(line).contains(expected > 0.5 ? ": cat (" : ": non-cat (");
    }

    @Test
    void aRunFolderIsNeverOverwritten() {
        CliRunner.Result again = CliRunner.run("train", CliRunner.config("cat-deep.yaml").toString(), "--out", run.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists and is not empty", "choose another --out");
    }
}
