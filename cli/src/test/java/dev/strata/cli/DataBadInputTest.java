package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_CSV;
import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;
import static dev.strata.cli.BadInput.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files that are missing, not what they claim, damaged, or that do not fit the model: exit 2. */
class DataBadInputTest {
    static final Path CAT_TRAIN = CliRunner.REPO.resolve("examples/data/catvnoncat/train_catvnoncat.h5");

    static final String HDF5_SPEC = TINY_SPEC
            .replace("format: csv", "format: hdf5")
            .replace("train: {path: train.csv}", "train: {path: train.h5, features: x, labels: y}")
            .replace("  test: {path: test.csv}\n", "");

    @TempDir
    Path dir;

    @Test
    void aMissingDataFileIsNamedWithWhereItWasLookedFor() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("train.csv", "trian.csv"));

        assertRefused(train(spec), spec + ":5:", "data.train.path: no file 'trian.csv'", "tried " + dir.resolve("trian.csv"));
    }

    @Test
    void aFileThatIsNotHdf5IsCalledSo() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC);
        write(dir, "train.h5", TINY_CSV);

        assertRefused(train(spec), dir.resolve("train.h5") + " is not an HDF5 file (no HDF5 signature)", "use format: csv");
    }

    @Test
    void aTruncatedHdf5FileIsCalledTruncated() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC.replace("features: x, labels: y", "features: train_set_x, labels: train_set_y"));
        byte[] whole = Files.readAllBytes(CAT_TRAIN);
        Files.write(dir.resolve("train.h5"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertRefused(train(spec), dir.resolve("train.h5") + " is truncated", "copy or download the file again");
    }

    @Test
    void aCorruptHdf5HeaderIsCalledCorrupt() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC.replace("features: x, labels: y", "features: train_set_x, labels: train_set_y"));
        byte[] bytes = Files.readAllBytes(CAT_TRAIN);
        for (int i = 16; i < 1024; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("train.h5"), bytes);

        assertRefused(train(spec), dir.resolve("train.h5").toString(), "copy or download the file again");
    }

    @Test
    void anUnknownDatasetNameListsTheDatasetsThatExist() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC.replace("train.h5", CAT_TRAIN.toString())
                .replace("features: x, labels: y", "features: train_set_z, labels: train_set_y"));

        assertRefused(train(spec), "has no dataset 'train_set_z' (features)", "did you mean 'train_set_x'?",
                "datasets in this file: ", "train_set_x (209, 64, 64, 3) uint8", "train_set_y (209,) int64");
    }

    @Test
    void featuresAndLabelsOfDifferentCountsAreRefused() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC);
        try (WritableHdfFile out = HdfFile.write(dir.resolve("train.h5"))) {
            out.putDataset("x", new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}, {0.5, 0.5}});
            out.putDataset("y", new long[] {1, 0, 1, 0});
        }

        assertRefused(train(spec), "features dataset 'x' holds 5 examples but labels dataset 'y' holds 4 labels");
    }

    @Test
    void labelsOutsideTheLossesClassesAreRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        write(dir, "train.csv", TINY_CSV + "0.5,0.5,2\n");

        assertRefused(train(spec), "data.train: label 2.0 of example 6 is not a class index in 0..1",
                "binary labels must be 0 or 1");
    }

    @Test
    void nanAndInfiniteFeaturesAreRefusedWithTheirPlace() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        write(dir, "train.csv", TINY_CSV + "NaN,0.5,1\n");

        assertRefused(train(spec), dir.resolve("train.csv") + ":8: column 1 ('a') holds 'NaN', which is not a number");
        assertThat(dir.resolve("run")).as("a run folder left behind would block the retry").doesNotExist();

        write(dir, "train.csv", TINY_CSV + "0.5,1e400,1\n");
        assertRefused(train(spec), dir.resolve("train.csv") + ":8: column 2 ('b') holds '1e400', which is too large");
    }

    @Test
    void anUnnamedHeaderColumnIsRefusedWithWhatUsuallyCausesIt() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        // pandas' to_csv without index=False: the row index would otherwise train as a feature
        write(dir, "train.csv", ",a,b,label\n0,0.1,0.9,1\n1,0.8,0.2,0\n");
        assertRefused(train(spec), dir.resolve("train.csv") + ":1: column 1 of the header has no name",
                "to_csv(index=False)");
        assertThat(dir.resolve("run")).doesNotExist();

        write(dir, "train.csv", "a,b,label,\n0.1,0.9,1,\n0.8,0.2,0,\n");
        assertRefused(train(spec), dir.resolve("train.csv") + ":1: column 4 of the header has no name (the header"
                + " ends with ',')", "remove the ',' at the end of every line");
    }

    @Test
    void nanFeaturesInHdf5AreRefusedWithTheExample() throws IOException {
        Path spec = tinyProject(dir, HDF5_SPEC);
        try (WritableHdfFile out = HdfFile.write(dir.resolve("train.h5"))) {
            out.putDataset("x", new double[][] {{0, 1}, {1, Double.NaN}, {1, 1}});
            out.putDataset("y", new long[] {1, 0, 1});
        }

        assertRefused(train(spec), "data.train: feature 1 of example 1 is NaN", "remove or impute non-finite values");
    }

    @Test
    void trainAndTestOfDifferentWidthsAreRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        write(dir, "test.csv", "a,b,c,label\n0.1,0.2,0.3,1\n");

        assertRefused(train(spec), "data.test: test examples have 3 features [3] but train examples have 2 [2]",
                "use a test set with the same features as the training set");
    }
}
