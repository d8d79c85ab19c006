package dev.strata.plugins.data;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.ExampleReader;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import dev.strata.spi.StoredFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads one split from an HDF5 file, whole or in ranges of examples; all format checks live in {@link Hdf5File}. */
final class Hdf5DataSource implements DataSource {

    @Override
    public ExampleReader open(Params split) throws IOException {
        Path path = split.getPath("path");
        String featuresName = split.getString("features");
        String labelsName = split.getString("labels");
        Hdf5File file = Hdf5File.open(path);
        try {
            return file.apply(f -> {
                int[] dims = f.dimensions(featuresName, "features");
                Hdf5File.Numeric labels = f.numeric(labelsName, "labels");
                int count = dims[0];
                int[] exampleShape = dims.length == 1 ? new int[] {1} : Arrays.copyOfRange(dims, 1, dims.length);
                int labelCount = labelCount(f, labels);
                if (labelCount != count) {
                    throw new BadInputException(f.name() + ": features dataset '" + featuresName + "' holds " + count
                            + " examples but labels dataset '" + labelsName + "' holds " + labelCount + " labels",
                            "use a features and a labels dataset of the same split (e.g. train_set_x with train_set_y)");
                }
                return new Reader(file, f.features(featuresName, "features"), exampleShape, labels.values());
            });
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** An open split: the file stays open until the engine closes the reader. */
    private static final class Reader implements ExampleReader {
        private final Hdf5File file;
        private final Hdf5Features features;
        private final int[] exampleShape;
        private final double[] labels;

        Reader(Hdf5File file, Hdf5Features features, int[] exampleShape, double[] labels) {
            this.file = file;
            this.features = features;
            this.exampleShape = exampleShape;
            this.labels = labels;
        }

        @Override
        public int count() {
            return features.count();
        }

        @Override
        public int[] exampleShape() {
            return exampleShape.clone();
        }

        @Override
        public double[] labels() {
            return labels;
        }

        @Override
        public long bytesPerExample() {
            return features.bytesPerExample();
        }

        @Override
        public StoredFeatures read(int first, int n) throws IOException {
            return file.apply(f -> features.range(first, n));
        }

        @Override
        public Examples readAll() throws IOException {
            return new Examples(file.apply(f -> features.all()), exampleShape, labels);
        }

        @Override
        public void close() throws IOException {
            try {
                features.close();
            } finally {
                file.close();
            }
        }
    }

    /** Labels may be stored as (m), (1, m) or (m, 1), as the notebooks reshape them. */
    private static int labelCount(Hdf5File file, Hdf5File.Numeric labels) {
        int[] dims = labels.dimensions();
        if (dims.length == 1) {
            return dims[0];
        }
        if (dims.length == 2 && (dims[0] == 1 || dims[1] == 1)) {
            return dims[0] * dims[1];
        }
        throw new BadInputException(file.name() + ": labels dataset '" + labels.name() + "' has shape "
                + Hdf5Types.shapeText(dims) + "; labels must be one value per example: (m), (1, m) or (m, 1)",
                "point labels at a 1-D dataset such as train_set_y");
    }

    @Override
    public List<String> classNames(Params classNames) throws IOException {
        Path path = classNames.getPath("path");
        String dataset = classNames.getString("dataset");
        return Hdf5File.read(path, file -> file.strings(dataset));
    }
}
