package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.LossFactory;
import dev.strata.testing.LossFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MeanSquaredErrorTest extends LossFactoryContract {
    private static final double[][] AL = {{1.5, -0.5, 2.0}, {0.0, 3.0, -1.0}};
    private static final double[][] Y = {{1.0, 0.5, 2.0}, {-2.0, 2.5, 1.0}};

    @Override
    protected LossFactory factory() {
        return new MeanSquaredErrorFactory();
    }

    @Test
    void costIsHalfTheSquaredErrorSummedOverUnitsAndAveragedOverExamples() {
        // squared differences: 0.25, 1, 0 / 4, 0.25, 4 → half of their sum 9.5 is 4.75, over 3 examples
        assertThat(loss().cost(Matrices.of(AL), Matrices.of(Y))).isCloseTo(4.75 / 3, within(1e-12));
    }

    @Test
    void gradientIsTheDifference() {
        INDArray dAL = Matrices.of(AL).ulike();
        loss().gradient(Matrices.of(AL), Matrices.of(Y), dAL);

        assertClose(dAL, Matrices.zip(AL, Y, (a, y) -> a - y), 0);
    }

    @Test
    void takesLabelValuesAndAnyOutputActivation() {
        assertThat(factory().labelKind()).isEqualTo(LossFactory.LabelKind.VALUE);
        assertThat(factory().checkOutputLayer("linear", 2)).isEmpty();
        assertThat(factory().checkOutputLayer("sigmoid", 1)).isEmpty();
    }
}
