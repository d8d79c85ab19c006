package dev.strata.registry.external;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;
import java.util.Arrays;

/** All-ones weights under a given name; lives only in test-built jars at run time. */
public final class OnesInitializerFactory implements InitializerFactory {
    private final String name;

    public OnesInitializerFactory(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "all-ones weights (test fixture)";
    }

    @Override
    public Initializer create(Params params) {
        return (fanOut, fanIn, random) -> {
            double[] weights = new double[fanOut * fanIn];
            Arrays.fill(weights, 1.0);
            return weights;
        };
    }
}
