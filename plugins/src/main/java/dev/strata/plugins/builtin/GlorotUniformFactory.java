package dev.strata.plugins.builtin;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;

/** {@code glorot_uniform}: numpy's {@code uniform(-limit, limit, (fanOut, fanIn))}, limit = sqrt(6 / (fanIn + fanOut)). */
public final class GlorotUniformFactory implements InitializerFactory {
    @Override
    public String name() {
        return "glorot_uniform";
    }

    @Override
    public String description() {
        return "np.random.uniform(-limit, limit, (fan_out, fan_in)) with limit = sqrt(6 / (fan_in + fan_out))";
    }

    @Override
    public Initializer create(Params params) {
        return (fanOut, fanIn, random) -> {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            double low = -limit;
            double range = limit - low;
            double[] weights = random.uniforms(fanOut * fanIn);
            for (int i = 0; i < weights.length; i++) {
                // numpy's uniform: low + (high - low) * random_sample()
                weights[i] = low + range * weights[i];
            }
            return weights;
        };
    }
}
