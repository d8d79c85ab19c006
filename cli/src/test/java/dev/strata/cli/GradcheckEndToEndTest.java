package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `strata gradcheck` with its defaults passes every shipped config: backpropagation through
 * dropout (its masks drawn once and kept for the check), per-layer L2 and L1 and softmax agrees
 * with centred differences of the cost.
 */
class GradcheckEndToEndTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cat-deep.yaml", "cat-two-layer.yaml", "cat-logistic.yaml", "cat-adam-minibatch.yaml",
        "sensors-tabular.yaml"})
    void passesWithItsDefaultsOnEveryShippedConfig(String config) {
        CliRunner.Result result = CliRunner.run("gradcheck", CliRunner.config(config).toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    }

    @org.junit.jupiter.api.Test
    void coversDropoutBatchNormalisationAndEachLayersPenalties() throws IOException {
        Path spec = BadInput.tinyProject(dir, BadInput.TINY_SPEC
                .replace("{units: 3, activation: relu}", "{units: 3, activation: relu, dropout: 0.3, l2: 0.2, l1: 0.1,"
                        + " batch_norm: true}")
                .replace("loss: binary_cross_entropy", "loss: {type: binary_cross_entropy, l2: 0.05}"));
        CliRunner.Result result = CliRunner.run("gradcheck", spec.toString(), "--examples", "6");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("W1", "W2", "gamma1");
    }
}
