package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.plugin.DiscoveredPlugin;
import dev.strata.plugin.PluginCatalog;
import dev.strata.plugin.PluginKind;
import dev.strata.plugin.Plugins;
import dev.strata.plugin.StrataInjector;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinPluginTest {
    @Test
    void isFoundThroughItsServicesFileLikeAnyPlugin() {
        assertThat(Plugins.discover(List.of())).anySatisfy(p -> {
            assertThat(p.module()).isInstanceOf(BuiltinPlugin.class);
            assertThat(p.origin()).isEqualTo(DiscoveredPlugin.BUILT_IN);
        });
    }

    @Test
    void theCatalogListsEveryBuiltInUnderItsYamlName() {
        // Only this module: in a reactor build the framework's test fixture plugin is on the classpath too.
        DiscoveredPlugin builtin = new DiscoveredPlugin(new BuiltinPlugin(), DiscoveredPlugin.BUILT_IN);
        PluginCatalog catalog = StrataInjector.fromPlugins(List.of(builtin)).getInstance(PluginCatalog.class);

        assertThat(catalog.names(PluginKind.ACTIVATION))
                .containsExactly("leaky_relu", "linear", "relu", "sigmoid", "softmax", "tanh");
        assertThat(catalog.names(PluginKind.INITIALIZER)).containsExactly("glorot_normal", "glorot_uniform",
                "he_normal", "lecun_normal", "normal", "zeros");
        assertThat(catalog.names(PluginKind.OPTIMIZER))
                .containsExactly("adam", "gradient_descent", "momentum", "rmsprop");
        assertThat(catalog.names(PluginKind.LOSS))
                .containsExactly("binary_cross_entropy", "categorical_cross_entropy", "mean_squared_error");
        assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.origin()).isEqualTo(DiscoveredPlugin.BUILT_IN));
    }

    @Test
    void theCatalogShowsParametersWithDefaultsAndRanges() {
        PluginCatalog catalog = StrataInjector.create(List.of()).getInstance(PluginCatalog.class);

        assertThat(catalog.find(PluginKind.ACTIVATION, "leaky_relu").orElseThrow().parameterSummary())
                .isEqualTo("alpha: 0.01 (>= 0)");
        assertThat(catalog.find(PluginKind.OPTIMIZER, "gradient_descent").orElseThrow().parameterSummary())
                .isEqualTo("learning_rate: required a number (> 0)");
        assertThat(catalog.find(PluginKind.INITIALIZER, "normal").orElseThrow().parameterSummary())
                .isEqualTo("std: 0.01 (> 0)");
    }
}
