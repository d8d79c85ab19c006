package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files that are not valid YAML, not a valid spec, or valid but meaningless: exit 2, one clear message. */
class SpecBadInputTest {
    @TempDir
    Path dir;

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("{units: 3, activation: relu}", "{units: 3, activation: relu"));

        assertRefused(train(spec), spec + ":10:", "YAML syntax error", "check indentation, colons and brackets");
    }

    @Test
    void unknownKeyIsLocatedAndGetsASuggestion() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("learning_rate: 0.1", "learning_rat: 0.1"));

        assertRefused(train(spec), spec + ":13:", "optimizer.learning_rat: unknown key 'learning_rat'",
                "did you mean 'learning_rate'?");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("iterations: 20", "iterations: twenty"));

        assertRefused(train(spec), spec + ":14:24", "training.iterations: expected an integer, got the string 'twenty'");
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("optimizer: {type: gradient_descent, learning_rate: 0.1}\n", ""));

        assertRefused(train(spec), "optimizer: missing the optimizer", "add 'optimizer:' to the spec");
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws IOException {
        Path spec = tinyProject(dir, "# nothing here yet\n");

        assertRefused(train(spec), "the spec file is empty", "see configs/");
    }

    @Test
    void duplicateKeyPointsAtBothOccurrences() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC + "seed: 2\n");

        assertRefused(train(spec), spec + ":15:1", "duplicate key 'seed' (first at line 2)", "keep only one 'seed'");
    }

    @Test
    void hugeDocumentIsRefusedBeforeParsing() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC + ("# " + "x".repeat(1000) + "\n").repeat(5000));

        assertRefused(train(spec), "larger than the 1 MiB limit");
    }

    @Test
    void aliasBombIsRefusedByTheLimits() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        Path spec = tinyProject(dir, bomb.toString());

        CliRunner.Result result = train(spec);

        assertRefused(result, "safety limit");
    }

    @Test
    void javaClassTagsAreRefusedAndNothingIsConstructedOrContacted() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String url = "http://localhost:" + listener.getLocalPort() + "/";
            Path spec = tinyProject(dir, "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\""
                    + url + "\"]]]]\nseed: !!dev.strata.cli.Tripwire [boom]\n" + TINY_SPEC.substring(TINY_SPEC.indexOf("data:")));

            CliRunner.Result result = train(spec);

            assertRefused(result, "the tag '!!javax.script.ScriptEngineManager' is not allowed in a spec",
                    "specs hold only plain values, lists and mappings");
            assertThat(Tripwires.FIRED).as("the tagged class was initialized").isFalse();
            assertThat(acceptsConnection(listener)).as("the spec reached the network").isFalse();
        }
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void aTagNamingATestClassNeverLoadsIt() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("seed: 1", "seed: !!dev.strata.cli.Tripwire [boom]"));

        assertRefused(train(spec), spec + ":2:7", "the tag '!!dev.strata.cli.Tripwire' is not allowed");
        assertThat(Tripwires.FIRED).isFalse();
    }

    @Test
    void zeroUnitsAreOutOfRange() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("units: 3", "units: 0"));

        assertRefused(train(spec), spec + ":9:", "model.layers[0].units: units must be >= 1, got 0");
    }

    @Test
    void aModelWithoutLayersIsRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replaceAll("(?s)  layers:\n.*sigmoid}\n", "  layers: []\n"));

        assertRefused(train(spec), "model.layers: the model has no layers", "add at least one layer");
    }

    @Test
    void nonPositiveOrNanLearningRatesAreRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);

        assertRefused(train(spec, "--set", "optimizer.learning_rate=0"), "optimizer.learning_rate",
                "--set optimizer.learning_rate=0", "learning_rate must be > 0, got 0");
        assertRefused(train(spec, "--set", "optimizer.learning_rate=-0.5"), "got -0.5");
        assertRefused(train(spec, "--set", "optimizer.learning_rate=.nan"), "got .nan");
    }

    @Test
    void zeroIterationsAreRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("iterations: 20", "iterations: 0"));

        assertRefused(train(spec), spec + ":14:", "training.iterations: iterations must be >= 1, got 0");
    }

    @Test
    void aLossThatDoesNotFitTheOutputActivationIsRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("{units: 1, activation: sigmoid}", "{units: 1, activation: relu}"));

        assertRefused(train(spec), spec + ":12:7", "loss: binary_cross_entropy needs a sigmoid output layer",
                "the output layer's activation is 'relu'", "set the last layer's activation to sigmoid");
    }

    @Test
    void aParameterThePluginDoesNotAcceptIsRefusedWithWhatItAccepts() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("learning_rate: 0.1}", "learning_rate: 0.1, momentum: 0.9}"));

        assertRefused(train(spec), spec + ":13:", "optimizer.momentum: unknown key 'momentum'", "known: type, learning_rate");
    }

    private static boolean acceptsConnection(ServerSocket listener) throws IOException {
        try (var ignored = listener.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
