package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Stage;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import dev.strata.plugins.data.DataFormatsPlugin;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.PluginFactory;
import dev.strata.spi.StrataPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BuiltinPluginTest {
    @Test
    void bothBuiltInPluginsAreListedInTheServicesFileLikeAnyPlugin() {
        assertThat(ServiceLoader.load(StrataPlugin.class).stream().map(ServiceLoader.Provider::type).toList())
                .contains(BuiltinPlugin.class, DataFormatsPlugin.class);
    }

    @Test
    void registersEveryBuiltInUnderItsYamlName() {
        List<PluginFactory> factories = registered(new BuiltinPlugin());
        assertThat(names(factories, ActivationFactory.class))
                .containsExactly("sigmoid", "relu", "tanh", "leaky_relu", "linear", "softmax");
        assertThat(names(factories, OptimizerFactory.class))
                .containsExactly("gradient_descent", "momentum", "rmsprop", "adam");
        assertThat(names(factories, LossFactory.class))
                .containsExactly("binary_cross_entropy", "categorical_cross_entropy", "mean_squared_error");
        assertThat(names(factories, dev.strata.spi.InitializerFactory.class)).containsExactly("zeros", "normal",
                "lecun_normal", "he_normal", "glorot_normal", "glorot_uniform");
        assertThat(names(factories, dev.strata.spi.SweepExecutorFactory.class)).containsExactly("local");
    }

    private static List<PluginFactory> registered(StrataPlugin plugin) {
        return Elements.getElements(Stage.TOOL, plugin).stream()
                .filter(e -> e instanceof Binding<?> b && b instanceof InstanceBinding<?> i
                        && i.getInstance() instanceof PluginFactory)
                .map(e -> (PluginFactory) ((InstanceBinding<?>) e).getInstance()).toList();
    }

    private static List<String> names(List<PluginFactory> factories, Class<?> kind) {
        return factories.stream().filter(kind::isInstance).map(PluginFactory::name).toList();
    }
}
