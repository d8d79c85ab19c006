package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract of an initializer: fanOut × fanIn finite weights, the same ones for the same seed. */
public abstract class InitializerFactoryContract extends PluginFactoryContract<InitializerFactory> {

    @Override
    protected Object create(InitializerFactory factory, Params params) {
        return factory.create(params);
    }

    protected Initializer initializer() {
        return factory().create(sampleParams());
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        double[] first = initializer().weights(4, 5, new NumpyRandom(3));
        double[] second = initializer().weights(4, 5, new NumpyRandom(3));

        assertThat(second).containsExactly(first);
    }

    @Test
    void givesFanOutTimesFanInFiniteWeights() {
        double[] weights = initializer().weights(3, 7, new NumpyRandom(1));

        assertThat(weights).hasSize(21);
        assertThat(Arrays.stream(weights).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void drawsFromTheGivenStreamOnly() {
        NumpyRandom random = new NumpyRandom(5);
        initializer().weights(2, 3, random);
        double next = random.nextDouble();

        NumpyRandom replay = new NumpyRandom(5);
        initializer().weights(2, 3, replay);

        assertThat(replay.nextDouble()).as("the stream advanced the same way twice").isEqualTo(next);
    }
}
