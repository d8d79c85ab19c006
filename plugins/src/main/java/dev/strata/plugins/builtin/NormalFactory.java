package dev.strata.plugins.builtin;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import java.util.List;

/** {@code normal}: {@code randn(fanOut, fanIn) * std}, the notebooks' two-layer initialisation. */
public final class NormalFactory implements InitializerFactory {
    static final String STD = "std";

    @Override
    public String name() {
        return "normal";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive(STD, 0.01, "standard deviation of the weights"));
    }

    @Override
    public String description() {
        return "np.random.randn(fan_out, fan_in) * std, as the notebooks' 2-layer model";
    }

    @Override
    public Initializer create(Params params) {
        double std = params.getDouble(STD);
        return (fanOut, fanIn, random) -> ScaledNormal.draw(fanOut, fanIn, random, std);
    }
}
