package dev.strata.spec;

import static dev.strata.spec.SpecLoaderTest.FULL;
import static dev.strata.spec.SpecLoaderTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecWriterTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    private final SpecLoader loader = new SpecLoader(FakePlugins.registry());

    @BeforeEach
    void createDataFiles() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.h5"), "");
        Files.writeString(dir.resolve("data/test.h5"), "");
    }

    @Test
    void theWrittenSpecLoadsBackEqualFromAnotherFolder() {
        for (String yaml : List.of(FULL, MINIMAL)) {
            ModelSpec original = loader.loadString(yaml, dir.resolve("cat.yaml"), List.of());

            String written = SpecWriter.toYaml(original);
            ModelSpec reloaded = loader.loadString(written, elsewhere.resolve("resolved.yaml"), List.of());

            assertThat(reloaded.withSource(SpecSource.none())).as(written)
                    .isEqualTo(original.withSource(SpecSource.none()));
        }
    }

    @Test
    void unusualButValidValuesSurviveTheRoundTrip() {
        ModelSpec original = loader.loadString(MINIMAL, dir.resolve("odd.yaml"), List.of(
                "name=yes-no", "data.train.features='123'", "data.train.labels=true-ish", "seed=4294967295",
                "model.layers[0].activation={type: leaky_relu, alpha: .inf}",
                "model.layers=[{units: 1, activation: sigmoid, initializer: {type: normal, std: 1e-3}}]"));

        ModelSpec reloaded = loader.loadString(SpecWriter.toYaml(original), elsewhere.resolve("r.yaml"), List.of());

        assertThat(reloaded.withSource(SpecSource.none())).isEqualTo(original.withSource(SpecSource.none()));
        assertThat(reloaded.data().train().getString("features")).isEqualTo("123");
    }

    @Test
    void writesEveryDefaultSelectorsAsMapsAndAbsolutePaths() {
        ModelSpec spec = loader.loadString(MINIMAL, dir.resolve("tiny.yaml"), List.of());

        Map<String, Object> map = SpecWriter.toMap(spec);

        assertThat(map).containsOnlyKeys("version", "name", "seed", "dtype", "data", "model", "loss", "optimizer",
                "training", "evaluation");
        assertThat(map.keySet()).startsWith("version", "name", "seed", "dtype");
        assertThat(map.get("loss")).isEqualTo(Map.of("type", "binary_cross_entropy", "l2", 0.0));
        assertThat(map.get("optimizer")).isEqualTo(Map.of("type", "adam", "learning_rate", 0.001, "beta1", 0.9,
                "beta2", 0.999, "epsilon", 1e-8, "schedule", Map.of("type", "constant", "warmup", 0)));
        assertThat(map.get("model")).isEqualTo(Map.of(
                "layers", List.of(Map.of("units", 1, "activation", Map.of("type", "sigmoid"))),
                "initializer", Map.of("type", "lecun_normal")));
        assertThat(map.get("training")).isEqualTo(Map.of("epochs", 10, "batch_size", 64, "shuffle", true,
                "print_every", 100, "checkpoint_every", 0, "input_gram", "auto"));
        assertThat(map.get("data")).isEqualTo(Map.of("format", "hdf5",
                "train", Map.of("path", dir.resolve("data/train.h5").toString(), "features", "train_set_x",
                        "labels", "train_set_y"),
                "preprocessing", Map.of("flatten", true, "scale", 1.0, "standardize", false,
                        "min_max", false), "cache", "auto"));
        assertThat(map.get("evaluation")).isEqualTo(Map.of("threshold", 0.5));
    }
}
