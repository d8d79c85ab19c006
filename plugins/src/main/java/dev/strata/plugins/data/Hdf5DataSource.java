package dev.strata.plugins.data;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads one split from an HDF5 file; all format checks live in {@link Hdf5File}. */
final class Hdf5DataSource implements DataSource {

    @Override
    public Examples read(Params split) throws IOException {
        Path path = split.getPath("path");
        String featuresName = split.getString("features");
        String labelsName = split.getString("labels");
        return Hdf5File.read(path, file -> {
            Hdf5File.Features features = file.features(featuresName, "features");
            Hdf5File.Numeric labels = file.numeric(labelsName, "labels");
            int count = features.dimensions()[0];
            int[] exampleShape = features.dimensions().length == 1
                    ? new int[] {1}
                    : Arrays.copyOfRange(features.dimensions(), 1, features.dimensions().length);
            int labelCount = labelCount(file, labels);
            if (labelCount != count) {
                throw new BadInputException(file.name() + ": features dataset '" + featuresName + "' holds " + count
                        + " examples but labels dataset '" + labelsName + "' holds " + labelCount + " labels",
                        "use a features and a labels dataset of the same split (e.g. train_set_x with train_set_y)");
            }
            return new Examples(features.values(), exampleShape, labels.values());
        });
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
                + Hdf5File.shapeText(dims) + "; labels must be one value per example: (m), (1, m) or (m, 1)",
                "point labels at a 1-D dataset such as train_set_y");
    }

    @Override
    public List<String> classNames(Params classNames) throws IOException {
        Path path = classNames.getPath("path");
        String dataset = classNames.getString("dataset");
        return Hdf5File.read(path, file -> file.strings(dataset));
    }
}
