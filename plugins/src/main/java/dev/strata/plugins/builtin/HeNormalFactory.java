package dev.strata.plugins.builtin;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;

/** {@code he_normal}: {@code randn(fanOut, fanIn) * sqrt(2 / fanIn)}, suited to relu layers. */
public final class HeNormalFactory implements InitializerFactory {
    @Override
    public String name() {
        return "he_normal";
    }

    @Override
    public String description() {
        return "np.random.randn(fan_out, fan_in) * np.sqrt(2 / fan_in); suited to relu layers";
    }

    @Override
    public Initializer create(Params params) {
        return (fanOut, fanIn, random) -> ScaledNormal.draw(fanOut, fanIn, random, Math.sqrt(2.0 / fanIn));
    }
}
