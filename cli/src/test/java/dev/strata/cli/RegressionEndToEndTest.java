package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loss that compares label values (mean squared error on real numbers) reports regression metrics. */
class RegressionEndToEndTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void meanSquaredErrorOnRealValuedLabelsReportsMseMaeAndR2() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,target\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 80; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, 2 * a - b + 0.1));
        }
        Files.writeString(dir.resolve("train.csv"), csv.toString());
        Files.writeString(dir.resolve("regression.yaml"), """
                name: regression
                data:
                  format: csv
                  train: {path: train.csv, label_column: target}
                  test: {path: train.csv, label_column: target}
                model:
                  layers:
                    - {units: 8, activation: tanh}
                    - {units: 1, activation: linear}
                  initializer: glorot_normal
                loss: mean_squared_error
                optimizer: {type: adam, learning_rate: 0.01}
                training: {iterations: 300, print_every: 100}
                """);
        CliRunner.Result run = CliRunner.run("train", dir.resolve("regression.yaml").toString(), "--out",
                dir.resolve("run").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Train MSE: ", "(R² ").doesNotContain("accuracy");

        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("run/report.json")));
        Map<String, Object> train = (Map<String, Object>) ((Map<String, Object>) report.get("metrics")).get("train");
        assertThat(train).containsOnlyKeys("mse", "mae", "r2", "examples");
        assertThat(((Number) train.get("r2")).doubleValue()).isGreaterThan(0.9);
        assertThat(((Number) train.get("mse")).doubleValue()).isLessThan(0.01);
        assertThat(Files.readString(dir.resolve("run/report.md"))).contains("| split | examples | mse | mae | r2 |")
                .doesNotContain("Confusion matrix");

        CliRunner.Result evaluated = CliRunner.run("evaluate", dir.resolve("run").toString());
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        assertThat(evaluated.out()).contains("mse ", "r2 ");
    }
}
