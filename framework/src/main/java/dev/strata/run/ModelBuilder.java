package dev.strata.run;

import dev.strata.engine.Network;
import dev.strata.plugin.PluginRegistry;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Selector;
import dev.strata.spi.Loss;
import dev.strata.spi.Optimizer;
import dev.strata.spi.RandomStream;
import java.util.ArrayList;
import java.util.List;

/** Builds the engine's objects from a validated spec through the installed plugins. */
public final class ModelBuilder {
    /** The loss parameter every loss accepts: the L2 regularisation strength λ. */
    public static final String L2 = "l2";

    private final PluginRegistry plugins;

    public ModelBuilder(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    public List<Network.LayerPlan> plans(ModelSpec spec) {
        List<Network.LayerPlan> plans = new ArrayList<>();
        List<LayerSpec> layers = spec.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            Selector activation = layer.activation();
            Selector initializer = spec.model().initializerOf(i);
            plans.add(new Network.LayerPlan(layer.units(), activation.type(),
                    plugins.activations().get(activation.type()).create(activation.params()),
                    plugins.initializers().get(initializer.type()).create(initializer.params())));
        }
        return plans;
    }

    /** A freshly initialised network: weights drawn layer by layer from {@code random}. */
    public Network initialize(ModelSpec spec, int inputSize, RandomStream random) {
        return Network.initialize(inputSize, plans(spec), random, spec.dtype().nd4j());
    }

    public Loss loss(ModelSpec spec) {
        return plugins.losses().get(spec.loss().type()).create(spec.loss().params());
    }

    public double l2(ModelSpec spec) {
        return spec.loss().params().has(L2) ? spec.loss().params().getDouble(L2) : 0.0;
    }

    public Optimizer optimizer(ModelSpec spec) {
        return plugins.optimizers().get(spec.optimizer().type()).create(spec.optimizer().params());
    }
}
