package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.Golden;
import dev.strata.testing.InitializerFactoryContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LecunNormalTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new LecunNormalFactory();
    }

    @Test
    void reproducesTheSeedsDeepModelInitialisationBitForBit() {
        Map<String, Object> golden = Golden.seedCase("initialise_parameters_sqrt_2_4_1");
        NumpyRandom random = new NumpyRandom(3);
        Initializer lecun = initializer();

        // np.random.seed(3); W1 = randn(4, 2) / np.sqrt(2); W2 = randn(1, 4) / np.sqrt(4)
        assertThat(lecun.weights(4, 2, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W1"))));
        assertThat(lecun.weights(1, 4, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W2"))));
    }
}
