package dev.strata.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Params;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configs shipped in {@code configs/} are valid specs that describe the notebooks' three models. */
class ShippedConfigsTest {
    // Tests run in the framework module's folder.
    private static final Path CONFIGS = Path.of("..", "configs");
    private final SpecLoader loader = new SpecLoader(FakePlugins.registry());

    private ModelSpec load(String name) {
        return loader.load(CONFIGS.resolve(name), List.of());
    }

    private static List<Integer> units(ModelSpec spec) {
        return spec.model().layers().stream().map(LayerSpec::units).toList();
    }

    @Test
    void catDeepIsTheFourLayerModel() {
        ModelSpec spec = load("cat-deep.yaml");

        assertThat(units(spec)).containsExactly(20, 7, 5, 1);
        assertThat(spec.model().layers()).extracting(l -> l.activation().type())
                .containsExactly("relu", "relu", "relu", "sigmoid");
        assertThat(spec.model().initializer()).isEqualTo(Selector.of("lecun_normal"));
        assertThat(spec.optimizer().params().getDouble("learning_rate")).isEqualTo(0.0075);
        assertThat(spec.training()).isEqualTo(new TrainingSpec(2500, null, null, true, 100, 0, true));
        assertThat(spec.seed()).isEqualTo(1L);
    }

    @Test
    void catTwoLayerDrawsWeightsScaledByOneHundredth() {
        ModelSpec spec = load("cat-two-layer.yaml");

        assertThat(units(spec)).containsExactly(7, 1);
        assertThat(spec.model().initializer()).isEqualTo(new Selector("normal", Params.of(Map.of("std", 0.01))));
        assertThat(spec.optimizer().params().getDouble("learning_rate")).isEqualTo(0.0075);
        assertThat(spec.training().iterations()).isEqualTo(2500);
    }

    @Test
    void catLogisticIsOneSigmoidUnitFromZeros() {
        ModelSpec spec = load("cat-logistic.yaml");

        assertThat(spec.model().layers()).containsExactly(new LayerSpec(1, Selector.of("sigmoid"), null));
        assertThat(spec.model().initializer()).isEqualTo(Selector.of("zeros"));
        assertThat(spec.optimizer().params().getDouble("learning_rate")).isEqualTo(0.005);
        assertThat(spec.training().iterations()).isEqualTo(2000);
    }

    @Test
    void everyConfigReadsTheCatDataFromTheSpecFolder() {
        Path data = CONFIGS.resolve("../examples/data/catvnoncat").toAbsolutePath().normalize();
        for (String name : List.of("cat-deep.yaml", "cat-two-layer.yaml", "cat-logistic.yaml")) {
            DataSpec spec = load(name).data();

            assertThat(spec.train().getPath("path")).isEqualTo(data.resolve("train_catvnoncat.h5"));
            assertThat(spec.test().getPath("path")).isEqualTo(data.resolve("test_catvnoncat.h5"));
            assertThat(spec.classNames().getString("dataset")).isEqualTo("list_classes");
            assertThat(spec.preprocessing()).isEqualTo(new Preprocessing(true, 255.0));
        }
    }
}
