package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Link;
import dev.strata.spi.Matrix;
import dev.strata.spi.Params;
import dev.strata.spi.VectorActivation;
import dev.strata.testkit.ActivationContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in activations' functions, derivatives and links, and the activation contract. */
class ActivationsTest {
    private static ElementwiseActivation elementwise(ActivationFactory factory, Params params) {
        return (ElementwiseActivation) factory.create(params);
    }

    @Nested
    class Sigmoid extends ActivationContract {
        @Override
        protected ActivationFactory factory() {
            return Activations.SIGMOID;
        }

        @Test
        void isOneOverOnePlusExpOfMinusZWithDerivativeAOneMinusA() {
            ElementwiseActivation g = elementwise(factory(), Params.empty());
            for (double z : new double[] {-3.5, -0.25, 0.0, 0.75, 40.0}) {
                double a = 1 / (1 + Math.exp(-z));
                assertThat(g.value(z)).isEqualTo(a);
                assertThat(g.derivative(z, a)).isEqualTo(a * (1 - a));
            }
            assertThat(g.link()).contains(Link.LOGISTIC);
        }
    }

    @Nested
    class Relu extends ActivationContract {
        @Override
        protected ActivationFactory factory() {
            return Activations.RELU;
        }

        @Test
        void passesPositiveValuesAndHasZeroGradientAtAndBelowZeroAsTheNotebooks() {
            ElementwiseActivation g = elementwise(factory(), Params.empty());
            assertThat(g.value(-3.5)).isZero();
            assertThat(g.value(2.0)).isEqualTo(2.0);
            assertThat(g.derivative(0.0, 0.0)).isZero();
            assertThat(g.derivative(-1.0, 0.0)).isZero();
            assertThat(g.derivative(0.75, 0.75)).isEqualTo(1.0);
            assertThat(g.link()).isEmpty();
        }

        @Test
        void choosesItsPieceFromTheSignBitExactlyAsTheComparisonWould() {
            ElementwiseActivation g = elementwise(factory(), Params.empty());
            for (double z : EDGES) {
                assertThat(g.derivative(z, Math.max(z, 0))).as("relu'(%s)", z).isEqualTo(z > 0 ? 1.0 : 0.0);
            }
        }
    }

    /** Values around every sign and magnitude boundary of a double. */
    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        -Double.MIN_NORMAL, 1e-300, -1e-300, 0.5, -0.5, 1.0, -1.0, 3.5e300, -3.5e300, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Nested
    class Tanh extends ActivationContract {
        @Override
        protected ActivationFactory factory() {
            return Activations.TANH;
        }

        @Test
        void derivativeIsOneMinusASquared() {
            ElementwiseActivation g = elementwise(factory(), Params.empty());
            double a = Math.tanh(0.5);
            assertThat(g.value(0.5)).isEqualTo(a);
            assertThat(g.derivative(0.5, a)).isEqualTo(1 - a * a);
        }
    }

    @Nested
    class LeakyRelu extends ActivationContract {
        @Override
        protected ActivationFactory factory() {
            return Activations.LEAKY_RELU;
        }

        @Test
        void alphaDefaultsToOneHundredthAndIsAtLeastZero() {
            assertThat(factory().parameters()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("alpha");
                assertThat(p.defaultValue()).isEqualTo(0.01);
                assertThat(p.rangeText()).isEqualTo(">= 0");
            });
        }

        @Test
        void scalesNegativeInputsAndTheirGradientsByAlpha() {
            ElementwiseActivation g = elementwise(factory(), Params.of(Map.of("alpha", 0.2)));
            assertThat(g.value(-3.5)).isEqualTo(0.2 * -3.5);
            assertThat(g.value(0.75)).isEqualTo(0.75);
            assertThat(g.derivative(-1.0, -0.2)).isEqualTo(0.2);
            assertThat(g.derivative(0.0, 0.0)).isEqualTo(1.0);
        }

        @Test
        void choosesItsPieceFromTheSignBitExactlyAsTheComparisonWould() {
            for (double alpha : new double[] {0.0, 0.01, 0.2, 3.0}) {
                ElementwiseActivation g = elementwise(factory(), Params.of(Map.of("alpha", alpha)));
                for (double z : EDGES) {
                    // bits, so that the sign of a zero and a NaN (0 · −∞) count too
                    assertThat(Double.doubleToLongBits(g.value(z))).as("alpha %s, g(%s)", alpha, z)
                            .isEqualTo(Double.doubleToLongBits(z >= 0 ? z : alpha * z));
                    assertThat(g.derivative(z, 0)).as("alpha %s, g'(%s)", alpha, z).isEqualTo(z >= 0 ? 1.0 : alpha);
                }
            }
        }
    }

    @Nested
    class Linear extends ActivationContract {
        @Override
        protected ActivationFactory factory() {
            return Activations.LINEAR;
        }

        @Test
        void isTheIdentityLink() {
            ElementwiseActivation g = elementwise(factory(), Params.empty());
            assertThat(g.value(-2.5)).isEqualTo(-2.5);
            assertThat(g.derivative(-2.5, -2.5)).isEqualTo(1.0);
            assertThat(g.link()).contains(Link.IDENTITY);
        }
    }

    @Nested
    class SoftmaxActivation extends ActivationContract {
        private final Matrix z = Matrix.ofRows(new double[] {-1.0, 0.5, 3.0, 0.0}, new double[] {2.0, 0.25, -2.0, 0.0},
                new double[] {0.1, -0.5, 1.0, 0.0});
        private final Matrix dA = Matrix.ofRows(new double[] {0.5, -1.25, 2.0, 1.0}, new double[] {-0.3, 0.9, 1.1, 0.0},
                new double[] {0.7, 0.2, -0.4, -1.0});

        @Override
        protected ActivationFactory factory() {
            return Softmax.FACTORY;
        }

        private VectorActivation softmax() {
            return (VectorActivation) factory().create(Params.empty());
        }

        @Test
        void normalisesEachExampleOverTheUnits() {
            Matrix a = Matrix.zeros(3, 4);
            softmax().forward(z, a);
            double[][] s = reference(z);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    assertThat(a.get(i, j)).isCloseTo(s[i][j], within(1e-15));
                }
            }
        }

        @Test
        void largeInputsStayFiniteBecauseTheColumnMaximumIsSubtracted() {
            Matrix big = Matrix.ofRows(new double[] {1000, -1000}, new double[] {1001, -1001}, new double[] {1002, -1002});
            Matrix a = Matrix.zeros(3, 2);
            softmax().forward(big, a);
            double[][] s = reference(Matrix.ofRows(new double[] {0, 0}, new double[] {1, -1}, new double[] {2, -2}));
            assertThat(a.get(2, 0)).isCloseTo(s[2][0], within(1e-15));
            assertThat(a.get(0, 1)).isCloseTo(s[0][1], within(1e-15));
        }

        @Test
        void backwardIsTheJacobianVectorProductPerExampleAlsoInPlace() {
            Matrix a = Matrix.zeros(3, 4);
            softmax().forward(z, a);
            Matrix dZ = Matrix.zeros(3, 4);
            softmax().backward(z, a, dA, dZ);
            double[][] s = reference(z);
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 3; i++) {
                    double expected = 0;
                    for (int k = 0; k < 3; k++) {
                        // ∂a_k/∂z_i = a_k (δ_ki − a_i)
                        expected += dA.get(k, j) * s[k][j] * ((k == i ? 1 : 0) - s[i][j]);
                    }
                    assertThat(dZ.get(i, j)).isCloseTo(expected, within(1e-15));
                }
            }
            Matrix inPlace = dA.copy();
            softmax().backward(z, a, inPlace, inPlace);
            assertThat(inPlace.values()).containsExactly(dZ.values());
        }

        private double[][] reference(Matrix m) {
            double[][] out = new double[m.rows()][m.columns()];
            for (int j = 0; j < m.columns(); j++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < m.rows(); i++) {
                    max = Math.max(max, m.get(i, j));
                }
                double sum = 0;
                for (int i = 0; i < m.rows(); i++) {
                    out[i][j] = Math.exp(m.get(i, j) - max);
                    sum += out[i][j];
                }
                for (int i = 0; i < m.rows(); i++) {
                    out[i][j] /= sum;
                }
            }
            return out;
        }
    }
}
