package dev.strata.plugins.data;

import dev.strata.spi.PluginModule;

/** The built-in data formats: {@code hdf5} (the cat data set's format) and {@code csv}. */
public final class DataFormatsPlugin extends PluginModule {
    @Override
    protected void configure() {
        register(new Hdf5DataSourceFactory(), new CsvDataSourceFactory());
    }
}
