package dev.strata.registry;

import dev.strata.spi.Api;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.PluginFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters a spec may give a plugin: its own, plus those the engine owns for every plugin of
 * its kind (an optimizer's {@code learning_rate}, a loss's {@code l2}), so that a factory does not
 * declare them again and the engine validates them in one place.
 */
@Api(status = Api.Status.INTERNAL, since = "0.2")
public final class Parameters {
    public static final String LEARNING_RATE = "learning_rate";
    public static final String L2 = "l2";
    /** Epochs of linear warm-up before a schedule: the engine applies it to every schedule. */
    public static final String WARMUP = "warmup";

    private Parameters() {
    }

    /** Everything {@code factory} accepts in a spec, engine-owned parameters first. */
    public static List<ParamSpec> declared(PluginKind kind, PluginFactory factory) {
        List<ParamSpec> out = new ArrayList<>();
        if (kind == PluginKind.OPTIMIZER && factory instanceof OptimizerFactory optimizer) {
            ParamSpec rate = optimizer.defaultLearningRate().isPresent()
                    ? ParamSpec.positive(LEARNING_RATE, optimizer.defaultLearningRate().getAsDouble(), "step size")
                    : ParamSpec.required(LEARNING_RATE, ParamType.DOUBLE, "step size").withMin(0.0, true);
            out.add(rate);
        }
        for (ParamSpec own : factory.parameters()) {
            if (!isEngineOwned(kind, own.name())) {
                out.add(own);
            }
        }
        if (kind == PluginKind.SCHEDULE) {
            out.add(ParamSpec.optional(WARMUP, ParamType.INT, 0, "epochs of linear warm-up from learning_rate /"
                    + " warmup to learning_rate before the schedule starts").withMin(0, false));
        }
        if (kind == PluginKind.LOSS && factory instanceof LossFactory) {
            out.add(ParamSpec.number(L2, 0.0, "L2 regularisation strength").withMin(0.0, false));
        }
        return out;
    }

    /** Whether the engine, not the plugin, owns parameter {@code name} of plugins of {@code kind}. */
    public static boolean isEngineOwned(PluginKind kind, String name) {
        return kind == PluginKind.OPTIMIZER && LEARNING_RATE.equals(name) || kind == PluginKind.LOSS && L2.equals(name)
                || kind == PluginKind.SCHEDULE && WARMUP.equals(name);
    }
}
