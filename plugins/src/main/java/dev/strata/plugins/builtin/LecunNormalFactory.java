package dev.strata.plugins.builtin;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;

/** {@code lecun_normal}: {@code randn(fanOut, fanIn) / sqrt(fanIn)}, the notebooks' deep-model initialisation. */
public final class LecunNormalFactory implements InitializerFactory {
    @Override
    public String name() {
        return "lecun_normal";
    }

    @Override
    public String description() {
        return "np.random.randn(fan_out, fan_in) / np.sqrt(fan_in), as the notebooks' deep model";
    }

    @Override
    public Initializer create(Params params) {
        return (fanOut, fanIn, random) -> {
            double[] weights = random.gaussians(fanOut * fanIn);
            // Divide rather than multiply by 1/sqrt: the notebooks divide, and the two differ in the last bit.
            double root = Math.sqrt(fanIn);
            for (int i = 0; i < weights.length; i++) {
                weights[i] /= root;
            }
            return weights;
        };
    }
}
