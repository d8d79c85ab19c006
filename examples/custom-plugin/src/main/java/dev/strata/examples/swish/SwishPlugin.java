package dev.strata.examples.swish;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.PluginModule;
import dev.strata.spi.ScheduleFactory;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A third-party plugin: the {@code swish} activation, a {@code nesterov} optimizer, an
 * {@code orthogonal} initializer and a {@code polynomial} learning-rate schedule. Listed in {@code META-INF/services/dev.strata.spi.StrataPlugin};
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

    /** Keras' PolynomialDecay over the run: a schedule is one function of the epoch. */
    static final ScheduleFactory POLYNOMIAL = ScheduleFactory.of("polynomial",
            "(learning_rate - end) * (1 - epoch / epochs)^power + end (Keras' PolynomialDecay)",
            List.of(ParamSpec.number("end", 0.0, "the rate at the last epoch").withMin(0, false),
                    ParamSpec.positive("power", 1.0, "1 is a straight line")),
            p -> (base, epoch, epochs) -> (base - p.getDouble("end"))
                    * Math.pow(1 - Math.min(epoch, epochs) / (double) epochs, p.getDouble("power")) + p.getDouble("end"));

    @Override
    protected void configure() {
        register(SWISH, NESTEROV, new OrthogonalFactory(), POLYNOMIAL);
    }
}
