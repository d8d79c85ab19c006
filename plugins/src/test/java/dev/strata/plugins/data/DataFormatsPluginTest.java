package dev.strata.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.PluginFactory;
import dev.strata.spi.StrataPlugin;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataFormatsPluginTest {
    @Test
    void isFoundThroughServiceLoaderAndRegistersHdf5AndCsv() {
        StrataPlugin plugin = ServiceLoader.load(StrataPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof DataFormatsPlugin)
                .findFirst().orElseThrow();

        Set<PluginFactory> factories = Guice.createInjector(plugin).getInstance(Key.get(new TypeLiteral<Set<PluginFactory>>() { }));
        Map<String, DataSourceFactory> dataSources = factories.stream().map(DataSourceFactory.class::cast)
                .collect(Collectors.toMap(DataSourceFactory::name, f -> f));

        assertThat(dataSources).containsOnlyKeys("csv", "hdf5");
        assertThat(dataSources.get("hdf5").parameters()).extracting(ParamSpec::name)
                .containsExactly("path", "features", "labels");
        assertThat(dataSources.get("hdf5").classNameParameters()).extracting(ParamSpec::name)
                .containsExactly("path", "dataset");
        assertThat(dataSources.get("csv").parameters()).extracting(ParamSpec::name, ParamSpec::defaultValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("path", null),
                        org.assertj.core.groups.Tuple.tuple("label_column", "label"),
                        org.assertj.core.groups.Tuple.tuple("delimiter", ","));
    }
}
