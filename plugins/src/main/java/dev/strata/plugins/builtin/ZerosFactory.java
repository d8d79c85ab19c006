package dev.strata.plugins.builtin;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;

/** {@code zeros}: all weights zero, drawing nothing (the logistic-regression seed). */
public final class ZerosFactory implements InitializerFactory {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public String description() {
        return "all weights 0; draws no random numbers (fine for logistic regression, not for hidden layers)";
    }

    @Override
    public Initializer create(Params params) {
        return (fanOut, fanIn, random) -> new double[fanOut * fanIn];
    }
}
