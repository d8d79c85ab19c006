package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.engine.GradientProbe;
import dev.strata.engine.Network;
import dev.strata.engine.Precision;
import dev.strata.engine.RateSchedule;
import dev.strata.engine.Trainer;
import dev.strata.spi.NumpyRandom;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.DType;
import dev.strata.spec.ModelSpec;
import java.util.List;

/**
 * {@code strata gradcheck}: a spec's model, initialised as training would, with its backpropagated
 * gradients compared to centred differences of the cost on a few training examples, in float64.
 */
public final class GradientChecks {
    private GradientChecks() {
    }

    /** The spec as float64 (gradient checks need it); its data must be loaded from this spec. */
    public static ModelSpec float64(ModelSpec s) {
        return s.withDtype(DType.FLOAT64);
    }

    /**
     * @param data loaded from {@link #float64(ModelSpec)}
     * @param examples how many training examples the cost is computed on
     * @param entries how many entries of each parameter are checked
     */
    public static List<GradientProbe.Result> run(ModelSpec spec, PreparedData data, PluginRegistry plugins, int examples,
            int entries, double epsilon) {
        ModelSpec spec64 = float64(spec);
        ModelBuilder builder = new ModelBuilder(plugins);
        NumpyRandom random = new NumpyRandom(spec.seed());
        List<Network.LayerPlan> plans = builder.plans(spec64);
        Network network = Network.initialize(data.inputSize(), plans, random, Precision.FLOAT64);
        // every penalty and dropout of the spec, with each layer's dropout mask drawn once and kept,
        // so the checked cost is one fixed function of the parameters
        Trainer trainer = new Trainer(network, builder.loss(spec64), builder.canonicalOutput(spec64,
                plans.get(plans.size() - 1)), builder.optimizer(spec64), RateSchedule.constant(builder.learningRate(spec64)),
                builder.regularization(spec64, random), Trainer.FirstLayerChoice.DIRECT);
        trainer.freezeDropoutMasks();
        int m = Math.min(examples, data.train().count());
        return GradientProbe.run(trainer, data.train().inputs().first(m), entries, epsilon, random);
    }
}
