package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of validation, early stopping, schedules, dropout, per-layer penalties and
 * standardisation, and the files of predict and evaluate: wrong type, out of range, misplaced,
 * each refused up front with its YAML path and line and how to fix it.
 */
class TrainingFeaturesBadInputTest {
    private static final String LAYER = "{units: 3, activation: relu}";
    private static final String OUTPUT = "{units: 1, activation: sigmoid}";
    private static final String TRAINING = "training: {iterations: 20, print_every: 10}";
    private static final String OPTIMIZER = "optimizer: {type: gradient_descent, learning_rate: 0.1}";
    private static final String DATA = "test: {path: test.csv}";

    @TempDir
    Path dir;

    private Path spec(String from, String to) throws IOException {
        return tinyProject(dir, TINY_SPEC.replace(from, to));
    }

    @Test
    void dropoutThatIsNotANumberIsRefused() throws IOException {
        Path spec = spec(LAYER, "{units: 3, activation: relu, dropout: high}");
        assertRefused(train(spec), spec + ":9:", "model.layers[0].dropout: expected a number, got the string 'high'");
    }

    @Test
    void dropoutOfOneOrMoreIsRefused() throws IOException {
        Path spec = spec(LAYER, "{units: 3, activation: relu, dropout: 1.0}");
        assertRefused(train(spec), spec + ":9:", "model.layers[0].dropout: dropout must be in [0, 1), got 1.0",
                "the fraction of activations dropped in training");
    }

    @Test
    void dropoutOnTheOutputLayerIsRefused() throws IOException {
        Path spec = spec(OUTPUT, "{units: 1, activation: sigmoid, dropout: 0.5}");
        assertRefused(train(spec), spec + ":10:", "model.layers[1].dropout: dropout on the output layer",
                "put dropout on hidden layers only");
    }

    @Test
    void aNegativeLayerPenaltyIsRefused() throws IOException {
        Path spec = spec(LAYER, "{units: 3, activation: relu, l2: -0.1}");
        assertRefused(train(spec), "model.layers[0].l2: l2 must be a finite number >= 0, got -0.1");
    }

    @Test
    void aValidationSplitOutsideZeroToOneIsRefused() throws IOException {
        Path spec = spec(DATA, DATA + "\n  validation: {split: 1.5}");
        assertRefused(train(spec), spec + ":7:", "data.validation.split: split must be in (0, 1), got 1.5",
                "the fraction of the training examples held out");
    }

    @Test
    void aValidationSplitWithFileKeysIsRefused() throws IOException {
        Path spec = spec(DATA, DATA + "\n  validation: {split: 0.2, path: valid.csv}");
        assertRefused(train(spec), "data.validation.path: unknown key 'path'");
    }

    @Test
    void aValidationSplitThatHoldsOutNoExampleIsRefused() throws IOException {
        Path spec = spec(DATA, DATA + "\n  validation: {split: 0.01}");
        assertRefused(train(spec), "data.validation.split: holding out 0.01 of 6 training examples leaves no"
                + " validation examples", "choose a split that leaves examples on both sides");
    }

    @Test
    void earlyStoppingWithoutValidationDataIsRefused() throws IOException {
        Path spec = spec(TRAINING, "training: {iterations: 20, print_every: 10, early_stopping: {patience: 3}}");
        assertRefused(train(spec), spec + ":14:", "training.early_stopping: early stopping watches validation data,"
                + " but the spec has none", "add data.validation: {split: 0.2}");
    }

    @Test
    void earlyStoppingOnTheTestSetIsRefused() throws IOException {
        Path spec = spec(TRAINING, "training: {iterations: 20, early_stopping: {monitor: test.accuracy}}");
        assertRefused(train(spec), "training.early_stopping.monitor: early stopping cannot monitor 'test.accuracy'",
                "stopping on the test set would tune on it");
    }

    @Test
    void earlyStoppingOnAMetricTheLossDoesNotReportIsRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace(TRAINING, "training: {iterations: 20, early_stopping:"
                + " {monitor: validation.mse}}").replace(DATA, DATA + "\n  validation: {split: 0.5}"));
        assertRefused(train(spec), "training.early_stopping.monitor: loss 'binary_cross_entropy' is evaluated by"
                + " [accuracy, precision, recall, f1], not mse");
    }

    @Test
    void aPatienceBelowOneIsRefused() throws IOException {
        Path spec = spec(TRAINING, "training: {iterations: 20, early_stopping: {patience: 0}}");
        assertRefused(train(spec), "training.early_stopping.patience: patience must be >= 1, got 0");
    }

    @Test
    void earlyStoppingAtTheTopLevelIsAnUnknownKey() throws IOException {
        Path spec = spec(TRAINING, TRAINING + "\nearly_stopping: {patience: 3}");
        assertRefused(train(spec), spec + ":15:", "early_stopping: unknown key 'early_stopping'");
    }

    @Test
    void anUnknownScheduleGetsASuggestion() throws IOException {
        Path spec = spec(OPTIMIZER, "optimizer: {type: gradient_descent, learning_rate: 0.1, schedule: cosin}");
        assertRefused(train(spec), spec + ":13:", "optimizer.schedule: unknown schedule 'cosin'",
                "did you mean 'cosine'?");
    }

    @Test
    void aScheduleParameterOutOfRangeIsRefused() throws IOException {
        Path spec = spec(OPTIMIZER, "optimizer: {type: gradient_descent, learning_rate: 0.1,"
                + " schedule: {type: step, factor: 2}}");
        assertRefused(train(spec), "optimizer.schedule.factor: factor must be in (0, 1], got 2");
    }

    @Test
    void aWarmUpAsLongAsTheTrainingIsRefused() throws IOException {
        Path spec = spec(OPTIMIZER, "optimizer: {type: gradient_descent, learning_rate: 0.1,"
                + " schedule: {type: cosine, warmup: 20}}");
        assertRefused(train(spec), "optimizer.schedule.warmup: a warm-up of 20 iterations leaves nothing of the 20"
                + " to schedule", "use a warm-up shorter than training.iterations");
    }

    @Test
    void aScheduleUnderTrainingIsAnUnknownKey() throws IOException {
        Path spec = spec(TRAINING, "training: {iterations: 20, schedule: cosine}");
        assertRefused(train(spec), "training.schedule: unknown key 'schedule'");
    }

    @Test
    void standardizeAndMinMaxTogetherAreRefused() throws IOException {
        Path spec = spec(DATA, DATA + "\n  preprocessing: {standardize: true, min_max: true}");
        assertRefused(train(spec), "data.preprocessing.min_max: standardize and min_max are both set",
                "keep one");
    }

    @Test
    void standardizeThatIsNotABooleanIsRefused() throws IOException {
        Path spec = spec(DATA, DATA + "\n  preprocessing: {standardize: 1}");
        assertRefused(train(spec), "data.preprocessing.standardize: expected true or false, got an integer (1)");
    }

    @Test
    void textClassesThatDoNotMatchTheOutputLayerAreRefused() throws IOException {
        Path spec = spec(DATA, DATA);
        BadInput.write(dir, "train.csv", "a,b,label\n1,2,red\n3,4,green\n5,6,blue\n");
        assertRefused(train(spec), "data.train: the labels name 3 classes [blue, green, red] but the output layer"
                + " has 1 unit", "give the output layer 3 units");
    }

    @Test
    void aTestLabelThatNamesNoTrainingClassIsRefused() throws IOException {
        Path spec = spec(DATA, DATA);
        BadInput.write(dir, "train.csv", "a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n");
        BadInput.write(dir, "test.csv", "a,b,label\n1,2,cat\n3,4,bird\n");
        assertRefused(train(spec), spec + ":6:", "data.test: the label 'bird' is not one of the classes [cat, dog]");
    }

    @Test
    void predictingAFileOfAnotherWidthIsRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        CliRunner.Result trained = train(spec);
        org.assertj.core.api.Assertions.assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path wide = BadInput.write(dir, "wide.csv", "a,b,c\n1,2,3\n");
        assertRefused(CliRunner.run("predict", dir.resolve("run").toString(), "--data", wide.toString()),
                "wide.csv has 3 features per example but the model takes 2");
        assertRefused(CliRunner.run("predict", dir.resolve("run").toString(), "--data", wide.toString(), "x.png"),
                "give either images or --data, not both");
        assertRefused(CliRunner.run("predict", dir.resolve("run").toString(), "--data",
                dir.resolve("test.csv").toString(), "--out", dir.resolve("no/such/folder/p.csv").toString()),
                "the folder " + dir.resolve("no/such/folder") + " does not exist");
        assertRefused(CliRunner.run("evaluate", dir.resolve("run").toString(), "--out", dir.toString()),
                "--out " + dir + " is a folder");
    }

    @Test
    void featureColumnsInAnotherOrderThanTrainingAreRefusedWhereverTheyCome() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        // features are matched by position: swapped columns would train, evaluate or predict on the wrong ones
        BadInput.write(dir, "test.csv", "b,a,label\n0.9,0.1,1\n0.2,0.8,0\n");
        assertRefused(train(spec), spec + ":6:", "data.test: feature 1 is 'b' where the training data has 'a' (the"
                + " same columns in another order)", "in the training data's order: a, b");
        org.assertj.core.api.Assertions.assertThat(dir.resolve("run")).doesNotExist();

        BadInput.write(dir, "test.csv", "a,b,label\n0.1,0.9,1\n0.8,0.2,0\n");
        CliRunner.Result trained = train(spec);
        org.assertj.core.api.Assertions.assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path swapped = BadInput.write(dir, "swapped.csv", "b,a\n0.9,0.1\n");
        assertRefused(CliRunner.run("predict", dir.resolve("run").toString(), "--data", swapped.toString()),
                swapped + ": feature 1 is 'b' where the training data has 'a'", "in the training data's order: a, b");
        Path renamed = BadInput.write(dir, "renamed.csv", "a,c\n0.1,0.9\n");
        assertRefused(CliRunner.run("predict", dir.resolve("run").toString(), "--data", renamed.toString()),
                "feature 2 is 'c' where the training data has 'b'");
        Path other = tinyProject(dir.resolve("other"), TINY_SPEC);
        BadInput.write(dir.resolve("other"), "train.csv", "b,a,label\n0.9,0.1,1\n0.2,0.8,0\n");
        BadInput.write(dir.resolve("other"), "test.csv", "b,a,label\n0.9,0.1,1\n0.2,0.8,0\n");
        assertRefused(CliRunner.run("evaluate", dir.resolve("run").toString(), "--data", other.toString()),
                "the data of " + other + ": feature 1 is 'b' where the training data has 'a'");

        // a model.json written before feature names were kept still predicts
        Path info = dir.resolve("run/model.json");
        java.nio.file.Files.writeString(info, java.nio.file.Files.readString(info)
                .replaceAll(",\\s*\"feature_names\": \\[[^\\]]*\\]", ""));
        org.assertj.core.api.Assertions.assertThat(info).content().doesNotContain("feature_names");
        CliRunner.Result old = CliRunner.run("predict", dir.resolve("run").toString(), "--data",
                dir.resolve("test.csv").toString());
        org.assertj.core.api.Assertions.assertThat(old.exitCode()).as(old.err()).isZero();
    }

    @Test
    void batchNormThatIsNotABooleanIsRefused() throws IOException {
        Path spec = spec(LAYER, "{units: 3, activation: relu, batch_norm: on}");
        assertRefused(train(spec), spec + ":9:", "model.layers[0].batch_norm:", "write true or false");
    }
}
