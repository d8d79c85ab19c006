package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.testing.Golden;
import dev.strata.testing.InitializerFactoryContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalTest extends InitializerFactoryContract {
    @Override
    protected InitializerFactory factory() {
        return new NormalFactory();
    }

    @Test
    void reproducesTheSeedsDeepInitialisationWithStdOneHundredth() {
        Map<String, Object> golden = Golden.seedCase("initialize_parameters_deep_5_4_3");
        NumpyRandom random = new NumpyRandom(3);
        Initializer normal = initializer();

        // np.random.seed(3); W1 = randn(4, 5) * 0.01; W2 = randn(3, 4) * 0.01 (biases draw nothing)
        assertThat(normal.weights(4, 5, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W1"))));
        assertThat(normal.weights(3, 4, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W2"))));
    }

    @Test
    void reproducesTheSeedsTwoLayerInitialisation() {
        Map<String, Object> golden = Golden.seedCase("initialize_parameters_2_2_1");
        NumpyRandom random = new NumpyRandom(1);

        assertThat(initializer().weights(2, 2, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W1"))));
        assertThat(initializer().weights(1, 2, random)).containsExactly(Matrices.flatten(Golden.matrix(golden.get("W2"))));
    }
}
