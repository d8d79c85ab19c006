package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.strata.spi.LossFactory;
import dev.strata.testing.LossFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CategoricalCrossEntropyTest extends LossFactoryContract {
    private static final double[][] AL = {{0.7, 0.1, 0.2}, {0.2, 0.3, 0.5}, {0.1, 0.6, 0.3}};
    private static final double[][] Y = {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}};

    @Override
    protected LossFactory factory() {
        return new CategoricalCrossEntropyFactory();
    }

    @Test
    void costIsMinusTheMeanLogProbabilityOfTheTrueClass() {
        double expected = -(Math.log(0.7) + Math.log(0.6) + Math.log(0.5)) / 3;

        assertThat(loss().cost(Matrices.of(AL), Matrices.of(Y))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gradientIsMinusYOverA() {
        INDArray dAL = Matrices.of(AL).ulike();
        loss().gradient(Matrices.of(AL), Matrices.of(Y), dAL);

        assertClose(dAL, Matrices.zip(Y, AL, (y, a) -> -y / a), 1e-12);
    }

    @Test
    void requiresASoftmaxOutputWithAtLeastTwoUnits() {
        assertThat(factory().checkOutputLayer("softmax", 3)).isEmpty();
        assertThat(factory().checkOutputLayer("sigmoid", 3)).get(STRING).contains("set the last layer's activation to softmax");
        assertThat(factory().checkOutputLayer("softmax", 1)).get(STRING)
                .contains("at least 2").contains("binary_cross_entropy");
    }
}
