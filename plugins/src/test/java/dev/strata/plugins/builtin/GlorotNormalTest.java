package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.InitializerFactoryContract;
import org.junit.jupiter.api.Test;

class GlorotNormalTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new GlorotNormalFactory();
    }

    @Test
    void matchesNumpyRandnTimesRootOfTwoOverFanInPlusFanOut() {
        // np.random.seed(1); np.random.randn(3, 4) * np.sqrt(2 / (4 + 3))
        double[] numpy = {0.8682491183746532, -0.3269975577200199, -0.28231967690598503, -0.573525852981042,
            0.46257983554760124, -1.2302241808754544, 0.9326411180158093, -0.40688220337106584,
            0.17053357006167486, -0.1332940724925204, 0.7815295661293052, -1.1011915290693723};

        assertThat(initializer().weights(3, 4, new NumpyRandom(1))).containsExactly(numpy);
    }
}
