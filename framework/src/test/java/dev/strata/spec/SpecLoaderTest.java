package dev.strata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    static final String FULL = """
            version: 1
            name: cat-deep
            seed: 3
            dtype: float32
            data:
              format: hdf5
              train: {path: data/train.h5, features: train_set_x, labels: train_set_y}
              test:  {path: data/test.h5,  features: test_set_x,  labels: test_set_y}
              class_names: {path: data/test.h5, dataset: list_classes}
              preprocessing: {flatten: true, scale: 255}
            model:
              layers:
                - {units: 20, activation: relu}
                - {units: 7, activation: {type: leaky_relu, alpha: 0.2}}
                - {units: 1, activation: sigmoid, initializer: zeros}
              initializer: {type: normal, std: 0.01}
            loss: {type: binary_cross_entropy, l2: 0.7}
            optimizer: {type: gradient_descent, learning_rate: 0.0075}
            training: {iterations: 2500, print_every: 100, checkpoint_every: 500}
            evaluation: {threshold: 0.6}
            """;

    static final String MINIMAL = """
            data:
              train: {path: data/train.h5, features: train_set_x, labels: train_set_y}
            model:
              layers:
                - {units: 1, activation: sigmoid}
            optimizer: adam
            training: {epochs: 10, batch_size: 64}
            """;

    @TempDir
    Path dir;
    Path train;
    Path test;
    SpecLoader loader = new SpecLoader(FakePlugins.registry());

    @BeforeEach
    void createDataFiles() throws IOException {
        train = Files.createDirectories(dir.resolve("data")).resolve("train.h5");
        test = dir.resolve("data/test.h5");
        Files.writeString(train, "");
        Files.writeString(test, "");
    }

    @Test
    void loadsAFullSpecIntoTheExpectedRecords() {
        ModelSpec spec = loader.loadString(FULL, dir.resolve("cat.yaml"), List.of());

        assertThat(spec.version()).isEqualTo(1);
        assertThat(spec.name()).isEqualTo("cat-deep");
        assertThat(spec.seed()).isEqualTo(3L);
        assertThat(spec.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(spec.data()).isEqualTo(new DataSpec("hdf5",
                Params.of(Map.of("path", train, "features", "train_set_x", "labels", "train_set_y")),
                Params.of(Map.of("path", test, "features", "test_set_x", "labels", "test_set_y")),
                Params.of(Map.of("path", test, "dataset", "list_classes")),
                new Preprocessing(true, 255.0), DataSpec.Cache.AUTO));
        assertThat(spec.model()).isEqualTo(new ModelDef(List.of(
                new LayerSpec(20, Selector.of("relu"), null),
                new LayerSpec(7, new Selector("leaky_relu", Params.of(Map.of("alpha", 0.2))), null),
                new LayerSpec(1, Selector.of("sigmoid"), Selector.of("zeros"))),
                new Selector("normal", Params.of(Map.of("std", 0.01)))));
        assertThat(spec.loss()).isEqualTo(new Selector("binary_cross_entropy", Params.of(Map.of("l2", 0.7))));
        assertThat(spec.optimizer())
                .isEqualTo(new Selector("gradient_descent", Params.of(Map.of("learning_rate", 0.0075))));
        assertThat(spec.training()).isEqualTo(new TrainingSpec(2500, null, null, true, 100, 500, true));
        assertThat(spec.evaluation()).isEqualTo(new EvaluationSpec(0.6));
        assertThat(spec.source().file()).isEqualTo(dir.resolve("cat.yaml"));
    }

    @Test
    void fillsEveryDefault() {
        ModelSpec spec = loader.loadString(MINIMAL, dir.resolve("tiny.yaml"), List.of());

        assertThat(spec.version()).isEqualTo(1);
        assertThat(spec.name()).as("name defaults to the file name").isEqualTo("tiny");
        assertThat(spec.seed()).isEqualTo(1L);
        assertThat(spec.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(spec.data().format()).isEqualTo("hdf5");
        assertThat(spec.data().test()).isNull();
        assertThat(spec.data().classNames()).isNull();
        assertThat(spec.data().preprocessing()).isEqualTo(new Preprocessing(true, 1.0));
        assertThat(spec.model().initializer()).isEqualTo(Selector.of("lecun_normal"));
        assertThat(spec.model().initializerOf(0)).isEqualTo(Selector.of("lecun_normal"));
        assertThat(spec.loss()).isEqualTo(new Selector("binary_cross_entropy", Params.of(Map.of("l2", 0.0))));
        assertThat(spec.optimizer().params().asMap()).containsExactly(Map.entry("learning_rate", 0.001),
                Map.entry("beta1", 0.9), Map.entry("beta2", 0.999), Map.entry("epsilon", 1e-8));
        assertThat(spec.training()).isEqualTo(new TrainingSpec(null, 10, 64, true, 100, 0, true));
        assertThat(spec.evaluation()).isEqualTo(EvaluationSpec.DEFAULT);
    }

    @Test
    void fillsThirdPartyDefaultsWithTheirDeclaredJavaTypes() {
        ModelSpec spec = loader.loadString(MINIMAL, dir.resolve("tiny.yaml"),
                List.of("optimizer={type: unbounded, learning_rate: 1}"));

        assertThat(spec.optimizer().params().asMap().get("learning_rate")).isEqualTo(1.0);
        assertThat(spec.optimizer().params().asMap().get("steps")).isEqualTo(3);
    }

    @Test
    void reportsAllMistakesTogether() {
        String spec = FULL.replace("activation: relu", "activation: rleu")
                .replace("learning_rate: 0.0075", "learning_rat: 0.0075")
                .replace("iterations: 2500", "iterations: 0");

        SpecException error = catchThrowableOfType(SpecException.class,
                () -> loader.loadString(spec, dir.resolve("cat.yaml"), List.of()));

        assertThat(error.errors()).extracting(SpecError::kind).containsExactly(SpecError.Kind.UNKNOWN_PLUGIN,
                SpecError.Kind.MISSING_KEY, SpecError.Kind.UNKNOWN_KEY, SpecError.Kind.OUT_OF_RANGE);
        assertThat(error.getMessage()).startsWith("4 errors in " + dir.resolve("cat.yaml") + ":\n");
        assertThat(error).isInstanceOf(BadInputException.class);
        assertThat(error.exitCode()).isEqualTo(2);
    }

    @Test
    void recordsTheLocationOfEveryYamlPath() {
        ModelSpec spec = loader.loadString(FULL, dir.resolve("cat.yaml"), List.of());

        String file = dir.resolve("cat.yaml").toString();
        assertThat(spec.source().locations()).containsEntry("model.layers[1].activation.alpha",
                new Location(file, 14, 56));
        assertThat(spec.source().locations()).containsEntry("training.iterations", new Location(file, 19, 24));
        assertThat(spec.source().locate("model.layers[2].units.nothing")).isEqualTo(new Location(file, 15, 15));
    }

    @Test
    void loadsAFileByPathAndNamesItInErrors() throws IOException {
        Path file = dir.resolve("from-disk.yaml");
        Files.writeString(file, MINIMAL);

        assertThat(loader.load(file, List.of()).name()).isEqualTo("from-disk");

        Files.writeString(file, MINIMAL.replace("units: 1,", "units: -1,"));
        assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(SpecException.class)
                .hasMessage("1 error in " + file + ":\n  " + file + ":5:15: model.layers[0].units: units must be"
                        + " >= 1, got -1; set units to a whole number >= 1");
    }

    @Test
    void aMissingFileIsOneClearError() {
        Path file = dir.resolve("nope.yaml");

        SpecException error = catchThrowableOfType(SpecException.class, () -> loader.load(file, List.of()));

        assertThat(error.errors()).extracting(SpecError::kind).containsExactly(SpecError.Kind.UNREADABLE);
        assertThat(error.getMessage()).contains("no such spec file").contains("check the path");
    }

    @Test
    void relativePathsResolveAgainstTheSpecFolderBeforeTheWorkingDirectory() throws IOException {
        // Tests run in the framework module folder, which holds a pom.xml.
        Path cwdPom = Path.of("pom.xml").toAbsolutePath().normalize();
        assertThat(cwdPom).exists();
        String spec = MINIMAL.replace("path: data/train.h5", "path: pom.xml");

        ModelSpec fromCwd = loader.loadString(spec, dir.resolve("s.yaml"), List.of());
        Files.writeString(dir.resolve("pom.xml"), "");
        ModelSpec fromSpecFolder = loader.loadString(spec, dir.resolve("s.yaml"), List.of());

        assertThat(fromCwd.data().train().getPath("path")).isEqualTo(cwdPom);
        assertThat(fromSpecFolder.data().train().getPath("path")).isEqualTo(dir.resolve("pom.xml"));
        assertThat(fromSpecFolder.data().train().getPath("path")).isAbsolute();
    }

    @Test
    void absolutePathsAreKeptAndNormalised() {
        String spec = MINIMAL.replace("path: data/train.h5", "path: " + dir.resolve("data/../data/train.h5"));

        ModelSpec loaded = loader.loadString(spec, Path.of("elsewhere", "s.yaml"), List.of());

        assertThat(loaded.data().train().getPath("path")).isEqualTo(train);
    }

    @Test
    void aLossThatDoesNotFitTheOutputLayerIsReportedAtLoss() {
        String spec = MINIMAL.replace("{units: 1, activation: sigmoid}", "{units: 4, activation: softmax}");

        assertThat(loader.loadString(spec.replace("training:", "loss: categorical_cross_entropy\ntraining:"),
                dir.resolve("s.yaml"), List.of()).loss().type()).isEqualTo("categorical_cross_entropy");
        SpecException error = catchThrowableOfType(SpecException.class,
                () -> loader.loadString(spec, dir.resolve("s.yaml"), List.of()));
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.LOSS_MISMATCH);
            assertThat(e.path()).isEqualTo("loss");
            assertThat(e.message()).contains("4 softmax units");
        });
    }

    @Test
    void explicitNullMeansNotGiven() {
        ModelSpec spec = loader.loadString(MINIMAL + "evaluation:\nseed: ~\n", dir.resolve("s.yaml"), List.of());

        assertThat(spec.evaluation()).isEqualTo(EvaluationSpec.DEFAULT);
        assertThat(spec.seed()).isEqualTo(1L);
    }

    @Test
    void quotedTextStaysTextEvenWhereItLooksLikeANumber() {
        String spec = MINIMAL.replace("features: train_set_x", "features: '2024-01-01'")
                .replace("labels: train_set_y", "labels: 2024-01-02");

        ModelSpec loaded = loader.loadString(spec, dir.resolve("s.yaml"), List.of());

        assertThat(loaded.data().train().getString("features")).isEqualTo("2024-01-01");
        assertThat(loaded.data().train().getString("labels")).as("a date-like plain scalar is text")
                .isEqualTo("2024-01-02");
    }
}
