package dev.strata.plugins.builtin;

import dev.strata.spi.RandomStream;

/** {@code np.random.randn(fanOut, fanIn) * scale}, drawn in numpy's row-major fill order. */
final class ScaledNormal {
    private ScaledNormal() {
    }

    static double[] draw(int fanOut, int fanIn, RandomStream random, double scale) {
        double[] weights = random.gaussians(fanOut * fanIn);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
        }
        return weights;
    }
}
