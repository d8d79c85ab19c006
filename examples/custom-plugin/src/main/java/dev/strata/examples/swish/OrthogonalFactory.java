package dev.strata.examples.swish;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import java.util.List;

/**
 * {@code orthogonal}: a random orthogonal matrix times {@code gain} (Saxe et al., 2014), the usual
 * recipe of {@code q, r = qr(randn(...)); q *= sign(diag(r))}. Rows are orthonormal when
 * fanOut ≤ fanIn, columns otherwise.
 */
public final class OrthogonalFactory implements InitializerFactory {
    static final String GAIN = "gain";

    @Override
    public String name() {
        return "orthogonal";
    }

    @Override
    public String description() {
        return "gain * Q from the QR decomposition of randn(fan_out, fan_in); orthonormal rows or columns";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.positive(GAIN, 1.0, "scale of the orthogonal matrix"));
    }

    @Override
    public Initializer create(Params params) {
        double gain = params.getDouble(GAIN);
        return (fanOut, fanIn, random) -> Orthogonal.weights(fanOut, fanIn, random.gaussians(fanOut * fanIn), gain);
    }
}
