package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.InitializerFactoryContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GlorotUniformTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new GlorotUniformFactory();
    }

    @Test
    void matchesNumpyUniformBetweenMinusAndPlusTheLimit() {
        // np.random.seed(1); l = np.sqrt(6 / (4 + 3)); np.random.uniform(-l, l, (3, 4))
        double[] numpy = {-0.1536453917703785, 0.4079616890019113, -0.92560831876294, -0.3660089546555473,
            -0.6540809928155329, -0.7548422457291403, -0.5809332048098879, -0.28596596619561165,
            -0.19114949461506725, 0.071874625095665, -0.1496226854746221, 0.34295987267429995};

        assertThat(initializer().weights(3, 4, new NumpyRandom(1))).containsExactly(numpy);
    }

    @Test
    void staysWithinTheLimit() {
        double limit = Math.sqrt(6.0 / (20 + 30));
        double[] weights = initializer().weights(20, 30, new NumpyRandom(0));

        assertThat(Arrays.stream(weights).allMatch(w -> w >= -limit && w < limit)).isTrue();
    }
}
