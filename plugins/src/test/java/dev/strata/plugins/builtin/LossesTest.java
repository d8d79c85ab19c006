package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.strata.spi.Link;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Matrix;
import dev.strata.spi.OutputLayer;
import dev.strata.spi.Params;
import dev.strata.testkit.LossContract;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in losses against their formulas, what they accept as output layers, and the loss contract. */
class LossesTest {
    private static OutputLayer output(int units, String activation, Link link) {
        return new OutputLayer(units, activation, Optional.ofNullable(link));
    }

    @Nested
    class BinaryCrossEntropy extends LossContract {
        private final Matrix a = Matrix.ofRows(new double[] {0.8, 0.9, 0.4, 0.05}, new double[] {0.3, 0.6, 0.99, 0.5});
        private final Matrix y = Matrix.ofRows(new double[] {1, 1, 0, 0}, new double[] {0, 1, 1, 0});

        @Override
        protected LossFactory factory() {
            return new Losses.BinaryCrossEntropyFactory();
        }

        @Test
        void costIsMinusTheMeanOverExamplesOfTheLogLikelihood() {
            double sum = 0;
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    sum += y.get(i, j) * Math.log(a.get(i, j)) + (1 - y.get(i, j)) * Math.log(1 - a.get(i, j));
                }
            }
            assertThat(loss().cost(a, y)).isCloseTo(-sum / 4, within(1e-12));
        }

        @Test
        void matchesTheNotebooksComputeCost() {
            // compute_cost_y111: AL = [[0.8, 0.9, 0.4]], Y = [[1, 1, 1]] (numpy: 0.41493159961539694)
            Loss loss = loss();
            assertThat(loss.cost(Matrix.ofRows(new double[] {0.8, 0.9, 0.4}), Matrix.ofRows(new double[] {1, 1, 1})))
                    .isCloseTo(0.41493159961539694, within(1e-15));
        }

        @Test
        void gradientIsTheNotebooksFormulaNotDividedByM() {
            Matrix dA = Matrix.zeros(2, 4);
            loss().gradient(a, y, dA);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    double p = a.get(i, j);
                    double label = y.get(i, j);
                    assertThat(dA.get(i, j)).isCloseTo(-(label / p - (1 - label) / (1 - p)), within(1e-12));
                }
            }
        }

        @Test
        void aSaturatedCorrectOutputCostsNothingInsteadOfNan() {
            assertThat(loss().cost(Matrix.ofRows(new double[] {1.0, 0.0}), Matrix.ofRows(new double[] {1, 0})))
                    .isEqualTo(0.0);
        }

        @Test
        void requiresASigmoidOutputLayerAndSaysWhatToChange() {
            assertThat(factory().checkOutputLayer(output(1, "sigmoid", Link.LOGISTIC))).isEmpty();
            assertThat(factory().checkOutputLayer(output(1, "relu", null))).get(STRING)
                    .contains("needs a sigmoid output layer").contains("'relu'")
                    .contains("set the last layer's activation to sigmoid");
            assertThat(factory().canonicalLink()).contains(Link.LOGISTIC);
        }
    }

    @Nested
    class CategoricalCrossEntropy extends LossContract {
        private final Matrix a = Matrix.ofRows(new double[] {0.7, 0.1, 0.2}, new double[] {0.2, 0.3, 0.5},
                new double[] {0.1, 0.6, 0.3});
        private final Matrix y = Matrix.ofRows(new double[] {1, 0, 0}, new double[] {0, 0, 1}, new double[] {0, 1, 0});

        @Override
        protected LossFactory factory() {
            return new Losses.CategoricalCrossEntropyFactory();
        }

        @Test
        void costIsMinusTheMeanLogProbabilityOfTheTrueClass() {
            double expected = -(Math.log(0.7) + Math.log(0.6) + Math.log(0.5)) / 3;
            assertThat(loss().cost(a, y)).isCloseTo(expected, within(1e-12));
        }

        @Test
        void gradientIsMinusYOverA() {
            Matrix dA = Matrix.zeros(3, 3);
            loss().gradient(a, y, dA);
            assertThat(dA.get(0, 0)).isCloseTo(-1 / 0.7, within(1e-12));
            assertThat(dA.get(2, 1)).isCloseTo(-1 / 0.6, within(1e-12));
            assertThat(dA.get(1, 0)).isEqualTo(-0.0);
        }

        @Test
        void requiresASoftmaxOutputWithAtLeastTwoUnits() {
            assertThat(factory().checkOutputLayer(output(3, "softmax", Link.SOFTMAX))).isEmpty();
            assertThat(factory().checkOutputLayer(output(3, "sigmoid", Link.LOGISTIC))).get(STRING)
                    .contains("set the last layer's activation to softmax");
            assertThat(factory().checkOutputLayer(output(1, "softmax", Link.SOFTMAX))).get(STRING)
                    .contains("at least 2").contains("binary_cross_entropy");
        }
    }

    @Nested
    class MeanSquaredError extends LossContract {
        private final Matrix a = Matrix.ofRows(new double[] {1.5, -0.5, 2.0}, new double[] {0.0, 3.0, -1.0});
        private final Matrix y = Matrix.ofRows(new double[] {1.0, 0.5, 2.0}, new double[] {-2.0, 2.5, 1.0});

        @Override
        protected LossFactory factory() {
            return new Losses.MeanSquaredErrorFactory();
        }

        @Test
        void costIsTheSquaredErrorSummedOverUnitsAndAveragedOverExamplesWithoutAHalf() {
            // squared differences: 0.25, 1, 0 / 4, 0.25, 4 → their sum 9.5 over 3 examples, as numpy's
            // np.mean((a - y) ** 2) per unit and the report's mse
            assertThat(loss().cost(a, y)).isCloseTo(9.5 / 3, within(1e-12));
        }

        @Test
        void gradientIsTwiceTheDifference() {
            Matrix dA = Matrix.zeros(2, 3);
            loss().gradient(a, y, dA);
            assertThat(dA.get(0, 1)).isEqualTo(-2.0);
            assertThat(dA.get(1, 2)).isEqualTo(-4.0);
            assertThat(factory().canonicalLink()).as("dZ of a linear output is 2(A - Y), not A - Y").isEmpty();
        }

        @Test
        void takesLabelValuesAndAnyOutputActivation() {
            assertThat(factory().labelKind()).isEqualTo(LossFactory.LabelKind.VALUE);
            assertThat(factory().checkOutputLayer(output(2, "linear", Link.IDENTITY))).isEmpty();
            assertThat(factory().checkOutputLayer(output(1, "sigmoid", Link.LOGISTIC))).isEmpty();
        }
    }

    @Test
    void lossesTakeNoParametersOfTheirOwnBecauseTheEngineOwnsL2() {
        assertThat(new Losses.BinaryCrossEntropyFactory().parameters()).isEmpty();
        assertThat(new Losses.BinaryCrossEntropyFactory().create(Params.empty())).isNotNull();
    }
}
