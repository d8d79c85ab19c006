package dev.strata.examples.swish;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.PluginModule;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A third-party plugin: the {@code swish} activation, a {@code nesterov} optimizer and an
 * {@code orthogonal} initializer. Listed in {@code META-INF/services/dev.strata.spi.StrataPlugin};
 * put the jar in a folder and pass it to {@code strata --plugin-path}.
 */
public final class SwishPlugin extends PluginModule {
    static final ActivationFactory SWISH = ActivationFactory.of("swish",
            "z * sigmoid(beta * z) (Ramachandran et al., 2017); smooth, non-monotonic below zero",
            List.of(ParamSpec.positive("beta", 1.0, "sharpness of the gate; 1 is SiLU")),
            p -> new Swish(p.getDouble("beta")));
    static final OptimizerFactory NESTEROV = OptimizerFactory.of("nesterov",
            "Nesterov momentum: v = mu v - rate g; W += mu v - rate g; learning_rate is required", OptionalDouble.empty(),
            List.of(ParamSpec.between("momentum", 0.9, 0, Math.nextDown(1.0), "the velocity's decay, below 1")),
            p -> new Nesterov(p.getDouble("momentum")));

    @Override
    protected void configure() {
        register(SWISH, NESTEROV, new OrthogonalFactory());
    }
}
