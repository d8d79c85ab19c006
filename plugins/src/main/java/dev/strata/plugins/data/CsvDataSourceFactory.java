package dev.strata.plugins.data;

import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import java.util.List;

/** {@code format: csv}: a header row, one example per row, every column but the label a feature. */
public final class CsvDataSourceFactory implements DataSourceFactory {
    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV file with a header row; the label column and numeric feature columns";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required("path", ParamType.PATH, "the .csv file"),
                ParamSpec.optional("label_column", ParamType.STRING, "label", "header of the label column (a file to predict may leave it out)"),
                ParamSpec.optional("delimiter", ParamType.STRING, ",", "the column separator"));
    }

    @Override
    public List<ParamSpec> classNameParameters() {
        return List.of(ParamSpec.required("names", ParamType.STRING_LIST, "class names in class-index order"));
    }

    @Override
    public DataSource create() {
        return new CsvDataSource();
    }
}
