package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.InitializerFactoryContract;
import org.junit.jupiter.api.Test;

class HeNormalTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new HeNormalFactory();
    }

    @Test
    void matchesNumpyRandnTimesRootOfTwoOverFanIn() {
        // np.random.seed(1); np.random.randn(3, 4) * np.sqrt(2 / 4)
        double[] numpy = {1.1485856216352068, -0.4325771085263309, -0.37347382765667075, -0.7587033887270147,
            0.6119356031860543, -1.6274336197272978, 1.2337682303715365, -0.5382545615089235,
            0.22559470828560074, -0.17633148352711223, 1.033866437111175, -1.4567394658842565};

        assertThat(initializer().weights(3, 4, new NumpyRandom(1))).containsExactly(numpy);
    }
}
