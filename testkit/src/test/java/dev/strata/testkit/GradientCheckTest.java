package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Loss;
import dev.strata.spi.Matrix;
import dev.strata.spi.VectorActivation;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** g(z) = z³, with a derivative scaled by {@code factor} (3 is right). */
    private record Cube(double factor) implements ElementwiseActivation {
        @Override
        public double value(double z) {
            return z * z * z;
        }

        @Override
        public double derivative(double z, double a) {
            return factor * z * z;
        }
    }

    /** 2z as a vector activation; {@code overwrite} writes dZ before it reads dA. */
    private record ColumnScale(boolean overwrite) implements VectorActivation {
        @Override
        public void forward(Matrix z, Matrix a) {
            for (int j = 0; j < z.columns(); j++) {
                for (int i = 0; i < z.rows(); i++) {
                    a.set(i, j, 2 * z.get(i, j));
                }
            }
        }

        @Override
        public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
            for (int j = 0; j < z.columns(); j++) {
                for (int i = 0; i < z.rows(); i++) {
                    if (overwrite) {
                        dZ.set(i, j, 0);
                        dZ.set(i, j, dZ.get(i, j) + 2 * dA.get(i, j));
                    } else {
                        dZ.set(i, j, 2 * dA.get(i, j));
                    }
                }
            }
        }
    }

    /** Half the squared error, with a gradient that ignores the labels when {@code broken}. */
    private static Loss halfSquaredError(boolean broken) {
        return new Loss() {
            @Override
            public double cost(Matrix a, Matrix y) {
                double sum = 0;
                for (int i = 0; i < a.rows(); i++) {
                    for (int j = 0; j < a.columns(); j++) {
                        double d = a.get(i, j) - y.get(i, j);
                        sum += 0.5 * d * d;
                    }
                }
                return sum / a.columns();
            }

            @Override
            public void gradient(Matrix a, Matrix y, Matrix dA) {
                for (int i = 0; i < a.rows(); i++) {
                    for (int j = 0; j < a.columns(); j++) {
                        dA.set(i, j, a.get(i, j) - (broken ? 0 : y.get(i, j)));
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
    void aVectorActivationIsCheckedThroughItsJacobianVectorProduct() {
        assertThat(GradientCheck.activation(new ColumnScale(false)).assertBelow(1e-7).maxRelativeError())
                .isLessThan(1e-9);
    }

    @Test
    void aBackwardThatOverwritesDABeforeReadingItFails() {
        assertThatThrownBy(() -> GradientCheck.activation(new ColumnScale(true)).assertBelow(1e-7))
                .hasMessageContaining("dZ == dA")
                .hasMessageContaining("read a column of dA before writing it");
    }

    @Test
    void aCorrectLossPassesAndAWrongGradientFails() {
        assertThat(GradientCheck.loss(halfSquaredError(false), 3).assertBelow(1e-7).maxRelativeError()).isLessThan(1e-9);
        assertThat(GradientCheck.loss(halfSquaredError(false), 1).maxRelativeError()).isLessThan(1e-9);

        assertThatThrownBy(() -> GradientCheck.loss(halfSquaredError(true), 3).assertBelow(1e-7))
                .hasMessageContaining("gradient / m against centred differences of cost");
    }
}
