package dev.strata.plugins.builtin;

import dev.strata.spi.Link;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Matrix;
import dev.strata.spi.OutputLayer;
import dev.strata.spi.Params;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * The built-in losses. Costs add their per-element terms in numpy's order and pairwise, as
 * {@code np.sum} does, so they round exactly as the notebooks' {@code compute_cost}.
 */
public final class Losses {
    private Losses() {
    }

    /** {@code binary_cross_entropy}: the notebooks' {@code compute_cost} for a sigmoid output. */
    public static final class BinaryCrossEntropyFactory implements LossFactory {
        @Override
        public String name() {
            return "binary_cross_entropy";
        }

        @Override
        public String description() {
            return "-(1/m) * sum(y log a + (1 - y) log(1 - a)); needs a sigmoid output layer, labels 0 or 1";
        }

        @Override
        public Optional<String> checkOutputLayer(OutputLayer output) {
            if (!output.is(Link.LOGISTIC)) {
                return Optional.of("binary_cross_entropy needs a sigmoid output layer, but the output layer's"
                        + " activation is '" + output.activation() + "': set the last layer's activation to sigmoid,"
                        + " or for several exclusive classes use softmax with categorical_cross_entropy");
            }
            return Optional.empty();
        }

        @Override
        public Optional<Link> canonicalLink() {
            return Optional.of(Link.LOGISTIC);
        }

        @Override
        public Loss create(Params params) {
            return new BinaryCrossEntropy();
        }
    }

    /** {@code categorical_cross_entropy}: softmax outputs against one-hot labels. */
    public static final class CategoricalCrossEntropyFactory implements LossFactory {
        @Override
        public String name() {
            return "categorical_cross_entropy";
        }

        @Override
        public String description() {
            return "-(1/m) * sum(y log a) over one-hot labels; needs a softmax output layer with one unit per class";
        }

        @Override
        public Optional<String> checkOutputLayer(OutputLayer output) {
            if (!output.is(Link.SOFTMAX)) {
                return Optional.of("categorical_cross_entropy needs a softmax output layer, but the output layer's"
                        + " activation is '" + output.activation() + "': set the last layer's activation to softmax");
            }
            if (output.units() < 2) {
                return Optional.of("categorical_cross_entropy needs one output unit per class (at least 2), but the"
                        + " output layer has " + output.units() + ": set its units to the number of classes, or use"
                        + " a 1-unit sigmoid output with binary_cross_entropy for two classes");
            }
            return Optional.empty();
        }

        @Override
        public Optional<Link> canonicalLink() {
            return Optional.of(Link.SOFTMAX);
        }

        @Override
        public Loss create(Params params) {
            return new CategoricalCrossEntropy();
        }
    }

    /** {@code mean_squared_error}: label values against any output (usually linear). */
    public static final class MeanSquaredErrorFactory implements LossFactory {
        @Override
        public String name() {
            return "mean_squared_error";
        }

        @Override
        public String description() {
            return "(1/m) * sum((a - y)^2), the mean squared error as the report's mse; labels are values, any output"
                    + " activation (usually linear)";
        }

        @Override
        public LabelKind labelKind() {
            return LabelKind.VALUE;
        }

        /**
         * None: with the standard mean squared error (no ½), dZ of a linear output is 2(A − Y), not
         * the canonical A − Y, so the engine goes through the loss's gradient.
         */
        @Override
        public Optional<Link> canonicalLink() {
            return Optional.empty();
        }

        @Override
        public Loss create(Params params) {
            return new MeanSquaredError();
        }
    }

    static final class BinaryCrossEntropy implements Loss {
        private final Terms terms = new Terms();

        /**
         * −(1/m) Σ [y log a + (1 − y) log(1 − a)]. A term whose label weight is zero is skipped, so a
         * saturated output (a = 1 with y = 1) costs 0 where numpy gives nan.
         */
        @Override
        public double cost(Matrix a, Matrix y) {
            double sum = terms.sum(a, y, (p, label) -> (label != 0 ? label * Math.log(p) : 0.0)
                    + (label != 1 ? (1 - label) * Math.log(1 - p) : 0.0));
            return (-1.0 / a.columns()) * sum;
        }

        /** dA = (1 − y)/(1 − a) − y/a, which is exactly −(y/a − (1 − y)/(1 − a)), the notebooks' formula. */
        @Override
        public void gradient(Matrix a, Matrix y, Matrix dA) {
            for (int j = 0; j < a.columns(); j++) {
                for (int i = 0; i < a.rows(); i++) {
                    double p = a.get(i, j);
                    double label = y.get(i, j);
                    dA.set(i, j, (1 - label) / (1 - p) - label / p);
                }
            }
        }
    }

    static final class CategoricalCrossEntropy implements Loss {
        private final Terms terms = new Terms();

        /** −(1/m) Σ y log a; zero labels contribute nothing (numpy would give nan for 0 · log 0). */
        @Override
        public double cost(Matrix a, Matrix y) {
            double sum = terms.sum(a, y, (p, label) -> label != 0 ? label * Math.log(p) : 0.0);
            return (-1.0 / a.columns()) * sum;
        }

        /** dA = −y / a. */
        @Override
        public void gradient(Matrix a, Matrix y, Matrix dA) {
            for (int j = 0; j < a.columns(); j++) {
                for (int i = 0; i < a.rows(); i++) {
                    dA.set(i, j, -(y.get(i, j) / a.get(i, j)));
                }
            }
        }
    }

    static final class MeanSquaredError implements Loss {
        private final Terms terms = new Terms();

        @Override
        public double cost(Matrix a, Matrix y) {
            double sum = terms.sum(a, y, (p, label) -> {
                double difference = p - label;
                return difference * difference;
            });
            return (1.0 / a.columns()) * sum;
        }

        /** dA = 2 (a − y). */
        @Override
        public void gradient(Matrix a, Matrix y, Matrix dA) {
            for (int j = 0; j < a.columns(); j++) {
                for (int i = 0; i < a.rows(); i++) {
                    dA.set(i, j, 2 * (a.get(i, j) - y.get(i, j)));
                }
            }
        }
    }

    /** Per-element cost terms gathered in C order (numpy's, for {@code np.sum}) into a reused buffer. */
    static final class Terms {
        private double[] values = new double[0];

        double sum(Matrix a, Matrix y, DoubleBinaryOperator term) {
            int n = a.rows() * a.columns();
            if (values.length < n) {
                values = new double[n];
            }
            int k = 0;
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.columns(); j++) {
                    values[k++] = term.applyAsDouble(a.get(i, j), y.get(i, j));
                }
            }
            return NumpySum.sum(values, n);
        }
    }
}
