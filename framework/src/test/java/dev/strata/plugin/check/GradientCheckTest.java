package dev.strata.plugin.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.Activation;
import dev.strata.spi.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class GradientCheckTest {
    /** g(z) = z³, written element by element so that the check is independent of ND4J ops. */
    private static final class Cube implements Activation {
        private final double derivativeFactor;

        Cube(double derivativeFactor) {
            this.derivativeFactor = derivativeFactor;
        }

        @Override
        public void forward(INDArray z, INDArray a) {
            for (int i = 0; i < z.rows(); i++) {
                for (int j = 0; j < z.columns(); j++) {
                    double v = z.getDouble(i, j);
                    a.putScalar(i, j, v * v * v);
                }
            }
        }

        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            for (int i = 0; i < z.rows(); i++) {
                for (int j = 0; j < z.columns(); j++) {
                    double v = z.getDouble(i, j);
                    dZ.putScalar(i, j, dA.getDouble(i, j) * derivativeFactor * v * v);
                }
            }
        }
    }

    /** Half the squared error, with a gradient that ignores the labels when {@code broken}. */
    private static Loss halfSquaredError(boolean broken) {
        return new Loss() {
            @Override
            public double cost(INDArray al, INDArray y) {
                double sum = 0;
                for (int i = 0; i < al.rows(); i++) {
                    for (int j = 0; j < al.columns(); j++) {
                        double d = al.getDouble(i, j) - y.getDouble(i, j);
                        sum += 0.5 * d * d;
                    }
                }
                return sum / al.columns();
            }

            @Override
            public void gradient(INDArray al, INDArray y, INDArray dAL) {
                for (int i = 0; i < al.rows(); i++) {
                    for (int j = 0; j < al.columns(); j++) {
                        dAL.putScalar(i, j, al.getDouble(i, j) - (broken ? 0 : y.getDouble(i, j)));
                    }
                }
            }
        };
    }

    @Test
    void aCorrectActivationScoresFarBelowTheTolerance() {
        GradientCheck.Report report = GradientCheck.activation(new Cube(3)).assertBelow(1e-7);

        assertThat(report.maxRelativeError()).isLessThan(1e-9);
    }

    @Test
    void aWrongDerivativeFailsWithTheWorstElementInTheMessage() {
        assertThatThrownBy(() -> GradientCheck.activation(new Cube(2)).assertBelow(1e-7))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cube fails its gradient check")
                .hasMessageContaining("worst at [")
                .hasMessageContaining("analytic");
    }

    @Test
    void aBackwardThatOverwritesDABeforeReadingItFails() {
        Activation overwrites = new Activation() {
            @Override
            public void forward(INDArray z, INDArray a) {
                a.assign(z);
            }

            @Override
            public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
                dZ.assign(0);
                dZ.addi(dA);
            }
        };

        assertThatThrownBy(() -> GradientCheck.activation(overwrites).assertBelow(1e-7))
                .hasMessageContaining("dZ == dA")
                .hasMessageContaining("read dA before overwriting it");
    }

    @Test
    void aCorrectLossPassesAndAWrongGradientFails() {
        assertThat(GradientCheck.loss(halfSquaredError(false)).assertBelow(1e-7).maxRelativeError()).isLessThan(1e-9);
        assertThat(GradientCheck.loss(halfSquaredError(false), 1).maxRelativeError()).isLessThan(1e-9);

        assertThatThrownBy(() -> GradientCheck.loss(halfSquaredError(true)).assertBelow(1e-7))
                .hasMessageContaining("gradient / m against centred differences of cost");
    }
}
