package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.InitializerFactoryContract;
import org.junit.jupiter.api.Test;

class ZerosTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new ZerosFactory();
    }

    @Test
    void givesZerosAndDrawsNothing() {
        NumpyRandom random = new NumpyRandom(4);

        assertThat(initializer().weights(2, 3, random)).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(random.nextGaussian()).isEqualTo(new NumpyRandom(4).nextGaussian());
    }
}
