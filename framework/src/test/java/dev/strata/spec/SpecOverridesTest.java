package dev.strata.spec;

import static dev.strata.spec.SpecLoaderTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.spi.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set key.path=value} overrides, applied to the YAML before validation. */
class SpecOverridesTest {
    private static final String THREE_LAYERS = MINIMAL.replace("    - {units: 1, activation: sigmoid}",
            "    - {units: 20, activation: relu}\n    - {units: 7, activation: relu}\n"
                    + "    - {units: 1, activation: sigmoid}");

    @TempDir
    Path dir;
    private final SpecLoader loader = new SpecLoader(FakePlugins.registry());

    @BeforeEach
    void createDataFiles() throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("train.h5"), "");
    }

    private ModelSpec load(String yaml, String... overrides) {
        return loader.loadString(yaml, dir.resolve("s.yaml"), List.of(overrides));
    }

    private SpecException refuse(String yaml, String... overrides) {
        SpecException error = catchThrowableOfType(SpecException.class, () -> load(yaml, overrides));
        assertThat(error).isNotNull();
        return error;
    }

    @Test
    void setsScalarsByDottedPathAndIndex() {
        ModelSpec spec = load(THREE_LAYERS, "model.layers[1].units=32", "seed=7", "name=tuned",
                "training.epochs=3");

        assertThat(spec.model().layers()).extracting(LayerSpec::units).containsExactly(20, 32, 1);
        assertThat(spec.seed()).isEqualTo(7L);
        assertThat(spec.name()).isEqualTo("tuned");
        assertThat(spec.training().epochs()).isEqualTo(3);
    }

    @Test
    void addsAKeyToAnExistingBlock() {
        ModelSpec spec = load(MINIMAL, "training.checkpoint_every=5");

        assertThat(spec.training().checkpointEvery()).isEqualTo(5);
    }

    @Test
    void turnsABarePluginNameIntoASelectorToSetAParameter() {
        ModelSpec spec = load(MINIMAL, "optimizer.learning_rate=0.01");

        assertThat(spec.optimizer().type()).isEqualTo("adam");
        assertThat(spec.optimizer().params().getDouble("learning_rate")).isEqualTo(0.01);
    }

    @Test
    void parsesFlowStyleValues() {
        ModelSpec spec = load(THREE_LAYERS,
                "model.layers=[{units: 5, activation: {type: leaky_relu, alpha: 0.3}}, {units: 1, activation: sigmoid}]");

        assertThat(spec.model().layers()).containsExactly(
                new LayerSpec(5, new Selector("leaky_relu", Params.of(Map.of("alpha", 0.3))), null),
                new LayerSpec(1, Selector.of("sigmoid"), null));
    }

    @Test
    void locatesOverriddenValuesAtTheOverride() {
        ModelSpec spec = load(THREE_LAYERS, "model.layers[1].units=32", "optimizer.learning_rate=0.01");

        Map<String, Location> locations = spec.source().locations();
        assertThat(locations.get("model.layers[1].units")).hasToString("--set model.layers[1].units=32");
        assertThat(locations.get("optimizer.learning_rate")).hasToString("--set optimizer.learning_rate=0.01");
        assertThat(locations.get("optimizer.type")).as("the bare name keeps its place in the file")
                .isEqualTo(new Location(dir.resolve("s.yaml").toString(), 8, 12));
        assertThat(locations.get("model.layers[0].units").line()).isEqualTo(5);
    }

    @Test
    void validatesOverriddenValuesAndNamesTheOverrideInTheError() {
        SpecException error = refuse(MINIMAL, "training.epochs=many");

        assertThat(error.getMessage()).isEqualTo("1 error in " + dir.resolve("s.yaml") + ":\n"
                + "  --set training.epochs=many: training.epochs: expected an integer, got the string 'many'; "
                + "write a whole number without quotes or a decimal point");
    }

    @Test
    void refusesAnOverrideWithoutEquals() {
        SpecException error = refuse(MINIMAL, "training.epochs");

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.BAD_OVERRIDE);
            assertThat(e.format()).isEqualTo("--set training.epochs: an override needs '=' between the key path "
                    + "and the value; write --set key.path=value, e.g. --set training.iterations=100");
        });
    }

    @Test
    void refusesAMalformedKeyPath() {
        SpecException error = refuse(MINIMAL, "model..layers=1", "model.layers[x].units=2");

        assertThat(error.errors()).extracting(SpecError::kind)
                .containsExactly(SpecError.Kind.BAD_OVERRIDE, SpecError.Kind.BAD_OVERRIDE);
    }

    @Test
    void refusesAnOverrideWhoseParentDoesNotExist() {
        SpecException error = refuse(MINIMAL, "evaluation.threshold=0.6", "model.layers[3].units=2");

        assertThat(error.errors()).extracting(SpecError::format).containsExactly(
                "--set evaluation.threshold=0.6: evaluation.threshold: 'evaluation' does not exist in the spec; "
                        + "set the whole block instead, e.g. --set evaluation={...}",
                "--set model.layers[3].units=2: model.layers[3].units: 'model.layers[3]' does not exist in the "
                        + "spec; set the whole block instead, e.g. --set model.layers[3]={...}");
        assertThat(error.errors()).extracting(SpecError::kind).containsOnly(SpecError.Kind.OVERRIDE_PATH);
    }

    @Test
    void refusesIndexingPastTheEndOrIntoAScalar() {
        SpecException error = refuse(MINIMAL, "model.layers[1]={units: 1, activation: sigmoid}",
                "training.epochs.x=1");

        assertThat(error.errors()).extracting(SpecError::kind)
                .containsExactly(SpecError.Kind.OVERRIDE_PATH, SpecError.Kind.OVERRIDE_PATH);
        assertThat(error.errors().get(0).message()).isEqualTo("'model.layers' has 1 items, so [1] does not exist");
        assertThat(error.errors().get(1).message())
                .isEqualTo("'training.epochs' is an integer (10), so 'training.epochs.x' cannot be set");
    }

    @Test
    void parsesOverrideValuesAsSafely() {
        SpecException error = refuse(MINIMAL, "name=!!java.net.URL [\"http://localhost/\"]");

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.UNSUPPORTED_TAG);
            assertThat(e.location()).hasToString("--set name=!!java.net.URL [\"http://localhost/\"]");
        });
    }

    @Test
    void reportsOverrideAndSpecErrorsTogether() {
        SpecException error = refuse(MINIMAL.replace("epochs: 10", "epochs: 0"), "bogus", "optimizer.beta1=2");

        assertThat(error.errors()).extracting(SpecError::kind).containsExactly(SpecError.Kind.BAD_OVERRIDE,
                SpecError.Kind.OUT_OF_RANGE, SpecError.Kind.OUT_OF_RANGE);
    }
}
