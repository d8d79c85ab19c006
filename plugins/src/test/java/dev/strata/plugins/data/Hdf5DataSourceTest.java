package dev.strata.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import dev.strata.spi.StoredFeatures;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5DataSourceTest {
    private static final Path CAT_DATA = Path.of("../examples/data/catvnoncat");
    private static final Path TRAIN = CAT_DATA.resolve("train_catvnoncat.h5");
    private static final Path TEST = CAT_DATA.resolve("test_catvnoncat.h5");
    private static final int PIXELS = 64 * 64 * 3;

    private final DataSource source = new Hdf5DataSourceFactory().create();

    @TempDir
    Path dir;

    // Expected values below were read from the same files with h5py.

    @Test
    void readsTheCatTrainingSetAsUint8PixelsPerExample() throws IOException {
        Examples train = source.read(split(TRAIN, "train_set_x", "train_set_y"));

        assertThat(train.count()).isEqualTo(209);
        assertThat(train.exampleShape()).containsExactly(64, 64, 3);
        assertThat(train.features()).isInstanceOf(StoredFeatures.UInt8.class);
        assertThat(train.features().bytes()).isEqualTo(209L * PIXELS);
        assertThat(pixel(train, 0, 0, 0)).containsExactly(17, 31, 56);
        assertThat(pixel(train, 25, 10, 20)).containsExactly(37, 35, 30);
        assertThat(pixel(train, 2, 30, 31)).containsExactly(139, 137, 139);
        assertThat(pixel(train, 208, 63, 63)).containsExactly(0, 0, 0);
        assertThat(train.features().value(7, 1000)).isEqualTo(11.0);
        assertThat(Arrays.stream(train.features().toDoubles()).sum()).isEqualTo(264542077.0);
        assertThat(Arrays.copyOf(train.labels(), 10)).containsExactly(0, 0, 1, 0, 0, 0, 0, 1, 0, 0);
        assertThat(Arrays.stream(train.labels()).sum()).isEqualTo(72.0);
    }

    @Test
    void readsTheCatTestSet() throws IOException {
        Examples test = source.read(split(TEST, "test_set_x", "test_set_y"));

        assertThat(test.count()).isEqualTo(50);
        assertThat(pixel(test, 49, 0, 0)).containsExactly(133, 163, 75);
        assertThat(Arrays.copyOf(test.labels(), 10)).containsExactly(1, 1, 1, 1, 1, 0, 1, 1, 1, 1);
        assertThat(Arrays.stream(test.labels()).sum()).isEqualTo(33.0);
    }

    @Test
    void readsTheTrainingSetWellUnderASecond() throws IOException {
        source.read(split(TRAIN, "train_set_x", "train_set_y"));
        long start = System.nanoTime();

        source.read(split(TRAIN, "train_set_x", "train_set_y"));

        assertThat((System.nanoTime() - start) / 1e6).as("milliseconds").isLessThan(500);
    }

    @Test
    void readsClassNamesFromFixedLengthByteStrings() throws IOException {
        Params params = Params.of(Map.of("path", TRAIN, "dataset", "list_classes"));

        assertThat(source.classNames(params)).containsExactly("non-cat", "cat");
    }

    @Test
    void readsOtherNumericTypesAndLabelLayouts() throws IOException {
        Path file = dir.resolve("odd.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("x_f32", new float[][] {{0.5f, -1.25f}, {2f, 3f}, {4f, 5f}});
            out.putDataset("x_i8", new byte[][] {{-7, 8}, {9, 10}, {11, 127}});
            out.putDataset("x_f64_1d", new double[] {0.1, 0.2, 0.3});
            out.putDataset("y_row", new int[][] {{1, 0, 1}});
            out.putDataset("y_col", new short[][] {{0}, {1}, {1}});
            out.putDataset("y_long", new long[] {1, 1, 0});
            out.putGroup("nested").putDataset("x", new double[][] {{1, 2}, {3, 4}, {5, 6}});
        }

        Examples floats = source.read(split(file, "x_f32", "y_row"));
        Examples bytes = source.read(split(file, "x_i8", "y_col"));
        Examples vector = source.read(split(file, "x_f64_1d", "y_long"));
        Examples nested = source.read(split(file, "/nested/x", "y_long"));

        assertThat(floats.features()).isInstanceOf(StoredFeatures.Float32.class);
        assertThat(floats.features().toDoubles()).containsExactly(0.5, -1.25, 2, 3, 4, 5);
        assertThat(floats.exampleShape()).containsExactly(2);
        assertThat(floats.labels()).containsExactly(1, 0, 1);
        assertThat(bytes.features()).as("signed bytes are floats, exactly").isInstanceOf(StoredFeatures.Float32.class);
        assertThat(bytes.features().toDoubles()).containsExactly(-7, 8, 9, 10, 11, 127);
        assertThat(bytes.labels()).containsExactly(0, 1, 1);
        assertThat(vector.exampleShape()).containsExactly(1);
        assertThat(vector.features().toDoubles()).containsExactly(0.1, 0.2, 0.3);
        assertThat(nested.features().toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void namesTheClosestDatasetWhenOneDoesNotExist() {
        assertThatThrownBy(() -> source.read(split(TRAIN, "train_set_z", "train_set_y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("train_catvnoncat.h5 has no dataset 'train_set_z' (features)")
                .hasMessageContaining("did you mean 'train_set_x'?")
                .hasMessageContaining("train_set_x (209, 64, 64, 3) uint8")
                .hasMessageContaining("train_set_y (209,) int64")
                .hasMessageContaining("list_classes (2,) strings");
    }

    @Test
    void refusesGroupsAndNonNumericDatasets() throws IOException {
        Path file = dir.resolve("kinds.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("names", new String[] {"a", "b", "c"});
            out.putDataset("y", new long[] {0, 1, 1});
            out.putGroup("images").putDataset("x", new double[] {1, 2, 3});
        }

        assertThatThrownBy(() -> source.read(split(file, "images", "y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("kinds.h5: 'images' (features) is a group, not a dataset")
                .hasMessageContaining("images/x (3,) float64");
        assertThatThrownBy(() -> source.read(split(file, "names", "y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("kinds.h5: features dataset 'names' holds strings, not numbers");
        assertThatThrownBy(() -> source.classNames(Params.of(Map.of("path", file, "dataset", "y"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("class names dataset 'y' holds int64, expected a 1-D dataset of strings");
    }

    @Test
    void refusesFeaturesAndLabelsOfDifferentExampleCounts() throws IOException {
        assertThatThrownBy(() -> source.read(split(TRAIN, "train_set_x", "list_classes")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not numbers");

        Path file = dir.resolve("mismatch.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("x", new double[][] {{1, 2}, {3, 4}, {5, 6}});
            out.putDataset("y", new long[] {0, 1, 1, 0});
            out.putDataset("y_square", new long[][] {{0, 1}, {1, 0}});
        }

        assertThatThrownBy(() -> source.read(split(file, "x", "y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("features dataset 'x' holds 3 examples but labels dataset 'y' holds 4 labels");
        assertThatThrownBy(() -> source.read(split(file, "x", "y_square")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("labels dataset 'y_square' has shape (2, 2)");
    }

    @Test
    void refusesEmptyDatasets() throws IOException {
        // jhdf cannot write a zero-length dataset, so this fixture was made with h5py:
        // create_dataset('x', shape=(0, 4), dtype='f8'); create_dataset('y', shape=(0,), dtype='i8')
        Path file = dir.resolve("empty.h5");
        try (InputStream in = getClass().getResourceAsStream("/hdf5/empty-datasets.h5")) {
            Files.copy(in, file);
        }

        assertThatThrownBy(() -> source.read(split(file, "x", "y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("empty.h5: features dataset 'x' is empty (shape (0, 4))");
    }

    @Test
    void refusesAFileThatIsNotHdf5() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "a,b,label\n1,2,0\n");

        assertThatThrownBy(() -> source.read(split(csv, "x", "y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("train.csv is not an HDF5 file")
                .hasMessageContaining("format: csv");
    }

    @Test
    void refusesATruncatedCopy() throws IOException {
        Path truncated = dir.resolve("train_catvnoncat.h5");
        try (InputStream in = Files.newInputStream(TRAIN)) {
            Files.write(truncated, in.readNBytes(1_000_000));
        }

        assertThatThrownBy(() -> source.read(split(truncated, "train_set_x", "train_set_y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is truncated: its header says 2572022 bytes but the file has 1000000")
                .hasMessageContaining("download the file again");
    }

    @Test
    void refusesACorruptFile() throws IOException {
        byte[] bytes = Files.readAllBytes(TRAIN);
        Arrays.fill(bytes, 48, 2048, (byte) 0xA5); // everything after the superblock's first fields
        Path corrupt = Files.write(dir.resolve("corrupt.h5"), bytes);

        assertThatThrownBy(() -> source.read(split(corrupt, "train_set_x", "train_set_y")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("corrupt.h5 could not be read: the HDF5 file looks truncated or corrupt");
    }

    private static Params split(Path path, String features, String labels) {
        return Params.of(Map.of("path", path, "features", features, "labels", labels));
    }

    private static double[] pixel(Examples examples, int example, int row, int column) {
        int at = (row * 64 + column) * 3;
        StoredFeatures values = examples.features();
        return new double[] {values.value(example, at), values.value(example, at + 1), values.value(example, at + 2)};
    }
}
