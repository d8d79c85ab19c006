package dev.strata.plugins.data;

import dev.strata.spi.Suggestions;
import dev.strata.spi.BadInputException;
import dev.strata.spi.StrataException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An open HDF5 file with user-facing checks: every problem becomes a {@link BadInputException}
 * that names the file and says how to fix it. jhdf signals bad files with assorted unchecked
 * exceptions, so {@link #read} treats any of them as a corrupt file.
 */
final class Hdf5File implements AutoCloseable {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    static final long IN_MEMORY_LIMIT = 64L << 20;

    private final HdfFile file;
    private final Path path;

    private Hdf5File(HdfFile file, Path path) {
        this.file = file;
        this.path = path;
    }

    /** A function of an open file that may throw {@link BadInputException}. */
    interface Reader<T> {
        T apply(Hdf5File file) throws IOException;
    }

    /** A numeric dataset read flat in row-major order. */
    record Numeric(String name, int[] dimensions, double[] values) {
    }

    static <T> T read(Path path, Reader<T> reader) throws IOException {
        try (Hdf5File file = open(path)) {
            return file.apply(reader);
        }
    }

    /** The file, checked to be complete HDF5; the caller closes it. */
    static Hdf5File open(Path path) throws IOException {
        checkSignature(path);
        HdfFile hdf;
        try {
            hdf = openFile(path);
        } catch (StrataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupt(path, e);
        }
        Hdf5File file = new Hdf5File(hdf, path);
        try {
            file.apply(f -> {
                f.checkComplete();
                return null;
            });
            return file;
        } catch (IOException | RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    /** Runs {@code reader} on this file, with jhdf's failures reported as a corrupt file. */
    <T> T apply(Reader<T> reader) throws IOException {
        try {
            return reader.apply(this);
        } catch (StrataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw corrupt(path, e);
        }
    }

    private static BadInputException corrupt(Path path, RuntimeException e) {
        return new BadInputException(path + " could not be read: the HDF5 file looks truncated or corrupt ("
                + e.getMessage() + ")", "copy or download the file again", e);
    }

    @Override
    public void close() {
        file.close();
    }

    /**
     * Files up to {@link #IN_MEMORY_LIMIT} are read into memory first: a corrupt length field then
     * fails at once, whereas reading from disk jhdf allocates and fills a buffer of the forged
     * length (found by fuzzing: a 606-byte file took 15 s and gigabytes of memory). Larger files,
     * whose size is no longer a fuzzing case but a data set's, are read from disk, so that a data
     * set is not held twice while it loads; their features are read directly (see Hdf5Features).
     */
    private static HdfFile openFile(Path path) throws IOException {
        return Files.size(path) <= IN_MEMORY_LIMIT ? HdfFile.fromBytes(Files.readAllBytes(path)) : new HdfFile(path);
    }

    /** Tells "not HDF5 at all" apart from "damaged HDF5" before jhdf gives one message for both. */
    private static void checkSignature(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new BadInputException(path + " is empty, not an HDF5 file", "copy or download the file again");
            }
            // The signature sits at 0, or after a user block at 512, 1024, 2048, ...
            for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                ByteBuffer bytes = ByteBuffer.allocate(SIGNATURE.length);
                channel.read(bytes, offset);
                if (Arrays.equals(bytes.array(), SIGNATURE)) {
                    return;
                }
            }
        }
        throw new BadInputException(path + " is not an HDF5 file (no HDF5 signature)",
                "point 'path' at an .h5 file (written e.g. with h5py), or use format: csv for a CSV file");
    }

    /** jhdf maps data past the end of a truncated file without complaint, so compare sizes first. */
    private void checkComplete() throws IOException {
        var superblock = file.getHdfBackingStorage().getSuperblock();
        long expected = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
        long actual = Files.size(path);
        if (actual < expected) {
            throw new BadInputException(path + " is truncated: its header says " + expected + " bytes but the file has "
                    + actual, "copy or download the file again");
        }
    }

    String name() {
        return path.toString();
    }

    /** A numeric dataset, read as doubles (labels). */
    Numeric numeric(String name, String role) {
        Dataset dataset = numericDataset(name, role);
        return new Numeric(name, dataset.getDimensions(), Hdf5Types.toDoubles(dataset.getDataFlat()));
    }

    /** A numeric dataset of examples along its first dimension, opened for reading in its stored type (features). */
    Hdf5Features features(String name, String role) throws IOException {
        Dataset dataset = numericDataset(name, role);
        return new Hdf5Features(dataset, path, file.getHdfBackingStorage().getSuperblock().getBaseAddressByte());
    }

    /** The dataset's dimensions, after the checks {@link #features} makes. */
    int[] dimensions(String name, String role) {
        return numericDataset(name, role).getDimensions();
    }

    private Dataset numericDataset(String name, String role) {
        Dataset dataset = dataset(name, role);
        DataType type = dataset.getDataType();
        if (!(type instanceof FixedPoint || type instanceof FloatingPoint) || dataset.isCompound()
                || dataset.isVariableLength()) {
            throw new BadInputException(path + ": " + role + " dataset '" + name + "' holds " + Hdf5Types.typeText(dataset)
                    + ", not numbers", "point '" + role + "' at a numeric dataset; datasets in this file: " + listing());
        }
        int[] dims = dataset.getDimensions();
        if (dataset.isScalar() || dims.length == 0) {
            throw new BadInputException(path + ": " + role + " dataset '" + name + "' is a single value",
                    "point '" + role + "' at an array with one entry per example");
        }
        if (dataset.isEmpty() || dataset.getSize() == 0) {
            throw new BadInputException(path + ": " + role + " dataset '" + name + "' is empty (shape "
                    + Hdf5Types.shapeText(dims) + ")", "point '" + role + "' at a dataset that holds examples");
        }
        return dataset;
    }

    List<String> strings(String name) {
        Dataset dataset = dataset(name, "class names");
        if (!(dataset.getDataType() instanceof StringData) || dataset.getDimensions().length != 1) {
            throw new BadInputException(path + ": class names dataset '" + name + "' holds " + Hdf5Types.typeText(dataset)
                    + ", expected a 1-D dataset of strings", "point 'dataset' at one such as list_classes");
        }
        if (dataset.isEmpty() || dataset.getSize() == 0) {
            throw new BadInputException(path + ": class names dataset '" + name + "' is empty",
                    "point 'dataset' at a dataset naming each class");
        }
        return List.of((String[]) dataset.getDataFlat());
    }

    private Dataset dataset(String name, String role) {
        Node node = find(name);
        if (node == null) {
            List<String> names = datasetPaths();
            String closest = Suggestions.closest(name, names).orElse(null);
            throw new BadInputException(path + " has no dataset '" + name + "' (" + role + ")",
                    (closest == null ? "" : "did you mean '" + closest + "'? ")
                            + "datasets in this file: " + listing());
        }
        if (node.isGroup() || !(node instanceof Dataset dataset)) {
            throw new BadInputException(path + ": '" + name + "' (" + role + ") is a group, not a dataset",
                    "name a dataset inside it; datasets in this file: " + listing());
        }
        return dataset;
    }

    private Node find(String name) {
        String relative = name.startsWith("/") ? name.substring(1) : name;
        Node node = file;
        for (String part : relative.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(node instanceof Group group)) {
                return null;
            }
            node = group.getChildren().get(part);
            if (node == null) {
                return null;
            }
        }
        return node == file ? null : node;
    }

    private List<String> datasetPaths() {
        List<String> out = new ArrayList<>();
        collect(file, "", out);
        return out;
    }

    private static void collect(Group group, String prefix, List<String> out) {
        for (Map.Entry<String, Node> child : group.getChildren().entrySet()) {
            String name = prefix + child.getKey();
            if (child.getValue() instanceof Group inner) {
                collect(inner, name + "/", out);
            } else if (child.getValue() instanceof Dataset) {
                out.add(name);
            }
        }
    }

    /** e.g. {@code train_set_x (209, 64, 64, 3) uint8, train_set_y (209,) int64}. */
    private String listing() {
        List<String> names = datasetPaths();
        if (names.isEmpty()) {
            return "none";
        }
        return names.stream().map(n -> {
            Dataset d = (Dataset) find(n);
            return n + " " + Hdf5Types.shapeText(d.getDimensions()) + " " + Hdf5Types.typeText(d);
        }).collect(Collectors.joining(", "));
    }
}
