package dev.strata.plugins.data;

import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import java.util.List;

/** {@code format: hdf5}: features and labels are datasets of one HDF5 file, as in the cat data set. */
public final class Hdf5DataSourceFactory implements DataSourceFactory {
    @Override
    public String name() {
        return "hdf5";
    }

    @Override
    public String description() {
        return "HDF5 file with a features dataset (examples first) and a labels dataset";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("path", ParamType.PATH, "the .h5 file"),
                ParamSpec.required("features", ParamType.STRING, "dataset of features, first dimension = examples"),
                ParamSpec.required("labels", ParamType.STRING, "dataset of labels: (m), (1, m) or (m, 1)"));
    }

    @Override
    public List<ParamSpec> classNameParameters() {
        return List.of(
                ParamSpec.required("path", ParamType.PATH, "the .h5 file holding the class names"),
                ParamSpec.required("dataset", ParamType.STRING, "1-D dataset of strings, in class-index order"));
    }

    @Override
    public DataSource create() {
        return new Hdf5DataSource();
    }
}
