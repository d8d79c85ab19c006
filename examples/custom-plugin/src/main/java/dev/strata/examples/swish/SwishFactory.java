package dev.strata.examples.swish;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import java.util.List;

/**
 * {@code swish}: g(z) = z·σ(βz) (Ramachandran et al., 2017). β = 1 is also known as SiLU; as β grows
 * swish approaches relu.
 */
public final class SwishFactory implements ActivationFactory {
    static final String BETA = "beta";

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "z * sigmoid(beta * z); smooth and non-monotonic, close to relu for large beta";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive(BETA, 1.0, "slope of the sigmoid gate"));
    }

    @Override
    public Activation create(Params params) {
        return new SwishActivation(params.getDouble(BETA));
    }
}
