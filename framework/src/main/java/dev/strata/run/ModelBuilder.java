package dev.strata.run;

import dev.strata.engine.Network;
import dev.strata.engine.RateSchedule;
import dev.strata.engine.Regularization;
import dev.strata.registry.Parameters;
import dev.strata.registry.PluginKind;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Selector;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LearningRateSchedule;
import dev.strata.spi.Link;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import dev.strata.spi.RandomStream;
import dev.strata.spi.ScheduleFactory;
import dev.strata.spi.StrataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the engine's objects from a validated spec through the installed plugins. A plugin that
 * throws while creating is reported by name and origin, as bad input.
 */
public final class ModelBuilder {
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
            ActivationFactory activations = plugins.get(ActivationFactory.class, activation.type());
            InitializerFactory initializers = plugins.get(InitializerFactory.class, initializer.type());
            plans.add(new Network.LayerPlan(layer.units(), activation.type(),
                    created(activations, () -> activations.create(activation.params())),
                    created(initializers, () -> initializers.create(initializer.params())), layer.batchNorm()));
        }
        return plans;
    }

    /** A freshly initialised network: weights drawn layer by layer from {@code random}. */
    public Network initialize(ModelSpec spec, int inputSize, RandomStream random) {
        return Network.initialize(inputSize, plans(spec), random, spec.dtype().precision());
    }

    public Loss loss(ModelSpec spec) {
        LossFactory factory = lossFactory(spec);
        return created(factory, () -> factory.create(own(PluginKind.LOSS, spec.loss().params())));
    }

    public LossFactory lossFactory(ModelSpec spec) {
        return plugins.get(LossFactory.class, spec.loss().type());
    }

    /** Whether the output activation is the loss's canonical link, so the engine may use {@code dZ = A − Y}. */
    public boolean canonicalOutput(ModelSpec spec, Network.LayerPlan output) {
        Optional<Link> link = lossFactory(spec).canonicalLink();
        return link.isPresent() && output.activation().link().equals(link);
    }

    public double l2(ModelSpec spec) {
        Params params = spec.loss().params();
        return params.has(Parameters.L2) ? params.getDouble(Parameters.L2) : 0.0;
    }

    public Optimizer optimizer(ModelSpec spec) {
        OptimizerFactory factory = plugins.get(OptimizerFactory.class, spec.optimizer().type());
        return created(factory, () -> factory.create(own(PluginKind.OPTIMIZER, spec.optimizer().params())));
    }

    /** The learning rate the spec sets (or the optimizer's default, filled in when the spec was checked). */
    public double learningRate(ModelSpec spec) {
        return spec.optimizer().params().getDouble(Parameters.LEARNING_RATE);
    }

    /** The loss's L2 and each layer's L2, L1 and dropout; dropout masks are drawn from {@code random}. */
    public Regularization regularization(ModelSpec spec, RandomStream random) {
        List<LayerSpec> layers = spec.model().layers();
        double[] l2 = new double[layers.size()];
        double[] l1 = new double[layers.size()];
        double[] dropout = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            l2[i] = layers.get(i).l2();
            l1[i] = layers.get(i).l1();
            dropout[i] = layers.get(i).dropout();
        }
        return new Regularization(l2(spec), l2, l1, dropout, random);
    }

    /** The learning rate of every step: {@code optimizer.schedule} over the run's iterations or epochs. */
    public RateSchedule schedule(ModelSpec spec) {
        Selector selector = spec.schedule();
        ScheduleFactory factory = plugins.get(ScheduleFactory.class, selector.type());
        LearningRateSchedule schedule = created(factory, () -> factory.create(own(PluginKind.SCHEDULE,
                selector.params())));
        return new RateSchedule(schedule, selector.type(), learningRate(spec),
                selector.params().getInt(Parameters.WARMUP), spec.training().steps());
    }

    /** A plugin's parameters without those the engine owns for its kind. */
    private static Params own(PluginKind kind, Params params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.asMap().forEach((k, v) -> {
            if (!Parameters.isEngineOwned(kind, k)) {
                out.put(k, v);
            }
        });
        return Params.of(out);
    }

    private <T> T created(PluginFactory factory, Supplier<T> create) {
        T made;
        try {
            made = create.get();
        } catch (StrataException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailure(factory, plugins.origin(factory), "create", e);
        }
        if (made == null) {
            throw new PluginFailure(factory, plugins.origin(factory), "create", new NullPointerException("null"));
        }
        return made;
    }
}
