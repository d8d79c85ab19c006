package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract of an initializer: fanOut × fanIn finite weights, the same ones for the same stream. */
public abstract class InitializerContract extends PluginContract<InitializerFactory> {

    @Override
    protected Object create(InitializerFactory factory, Params params) {
        return factory.create(params);
    }

    protected Initializer initializer() {
        return factory().create(sampleParams());
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        double[] first = initializer().weights(4, 5, new TestRandom(3));
        double[] second = initializer().weights(4, 5, new TestRandom(3));

        assertThat(second).containsExactly(first);
    }

    @Test
    void givesFanOutTimesFanInFiniteWeights() {
        double[] weights = initializer().weights(3, 7, new TestRandom(1));

        assertThat(weights).hasSize(21);
        assertThat(Arrays.stream(weights).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void drawsFromTheGivenStreamOnly() {
        TestRandom random = new TestRandom(5);
        initializer().weights(2, 3, random);
        double next = random.nextDouble();

        TestRandom replay = new TestRandom(5);
        initializer().weights(2, 3, replay);

        assertThat(replay.nextDouble()).as("the stream advanced the same way twice").isEqualTo(next);
    }
}
