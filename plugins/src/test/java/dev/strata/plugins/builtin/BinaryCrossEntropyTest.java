package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.testing.Golden;
import dev.strata.testing.LossFactoryContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class BinaryCrossEntropyTest extends LossFactoryContract {
    private static final double[][] AL = {{0.8, 0.9, 0.4, 0.05}, {0.3, 0.6, 0.99, 0.5}};
    private static final double[][] Y = {{1, 1, 0, 0}, {0, 1, 1, 0}};

    @Override
    protected LossFactory factory() {
        return new BinaryCrossEntropyFactory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"compute_cost_y111", "compute_cost_y110"})
    void costMatchesTheSeedsComputeCost(String name) {
        Map<String, Object> golden = Golden.seedCase(name);

        double cost = loss().cost(Golden.matrix(golden.get("AL")), Golden.matrix(golden.get("Y")));

        assertThat(cost).isCloseTo((Double) golden.get("cost"), within(1e-12));
    }

    @Test
    void costIsMinusTheMeanOverExamplesOfTheLogLikelihood() {
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                sum += Y[i][j] * Math.log(AL[i][j]) + (1 - Y[i][j]) * Math.log(1 - AL[i][j]);
            }
        }

        assertThat(loss().cost(Matrices.of(AL), Matrices.of(Y))).isCloseTo(-sum / 4, within(1e-12));
    }

    @Test
    void gradientIsTheSeedsFormulaNotDividedByM() {
        INDArray dAL = Matrices.of(AL).ulike();
        loss().gradient(Matrices.of(AL), Matrices.of(Y), dAL);

        assertClose(dAL, Matrices.zip(Y, AL, (y, a) -> -(y / a - (1 - y) / (1 - a))), 1e-12);
    }

    @Test
    void aSaturatedCorrectOutputCostsNothingInsteadOfNan() {
        Loss loss = loss();

        assertThat(loss.cost(Matrices.of(new double[][] {{1.0, 0.0}}), Matrices.of(new double[][] {{1, 0}})))
                .isEqualTo(0.0);
    }

    @Test
    void requiresASigmoidOutputLayerAndSaysWhatToChange() {
        assertThat(factory().checkOutputLayer("sigmoid", 1)).isEmpty();
        assertThat(factory().checkOutputLayer("relu", 1)).get(STRING)
                .contains("needs a sigmoid output layer").contains("'relu'")
                .contains("set the last layer's activation to sigmoid");
    }
}
