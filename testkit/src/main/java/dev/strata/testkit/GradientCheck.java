package dev.strata.testkit;

import dev.strata.spi.Activation;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Loss;
import dev.strata.spi.Matrix;
import dev.strata.spi.VectorActivation;
import java.util.function.DoubleSupplier;

/**
 * Checks a plugin's analytic derivative against centred differences of its own function, in
 * float64: an activation's derivative against its value, a loss's gradient against its cost. One
 * line in a plugin's test:
 *
 * <pre>{@code
 * GradientCheck.activation(new Swish(1.0)).assertBelow(1e-7);
 * }</pre>
 *
 * <p>Derivatives are estimated with the five-point stencil (error O(h⁴), h = 1e-3), so a correct
 * implementation typically scores 1e-9 or better. The error of one element is
 * {@code |analytic − numeric| / max(|analytic|, |numeric|, 1e-4)}: near zero a purely relative
 * measure would be dominated by the estimate's own rounding.
 */
public final class GradientCheck {
    private static final double H = 1e-3;
    static final double FLOOR = 1e-4;
    private static final long SEED = 1;

    private GradientCheck() {
    }

    /**
     * Checks {@code activation} on 4 × 5 inputs drawn from a fixed seed, with |z| in [0.1, 3] (away
     * from the kinks of relu-like functions) and upstream gradients of magnitude [0.5, 1.5].
     */
    public static Report activation(Activation activation) {
        TestRandom random = new TestRandom(SEED);
        return activation(activation, signedAwayFromZero(random, 4, 5, 0.1, 2.9),
                signedAwayFromZero(random, 4, 5, 0.5, 1.0));
    }

    /** Checks {@code activation} at {@code z} with upstream gradient {@code dA} (same shape). */
    public static Report activation(Activation activation, Matrix z, Matrix dA) {
        String subject = activation.getClass().getSimpleName();
        if (activation instanceof ElementwiseActivation e) {
            Worst worst = new Worst();
            for (int i = 0; i < z.rows(); i++) {
                for (int j = 0; j < z.columns(); j++) {
                    double at = z.get(i, j);
                    double analytic = e.derivative(at, e.value(at));
                    double numeric = stencil(e::value, at);
                    worst.offer(i, j, analytic, numeric);
                }
            }
            return worst.report(subject, "derivative", "value");
        }
        VectorActivation v = (VectorActivation) activation;
        Matrix zCopy = z.copy();
        Matrix a = Matrix.zeros(z.rows(), z.columns());
        v.forward(z, a);
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < z.columns(); j++) {
                if (Double.compare(z.get(i, j), zCopy.get(i, j)) != 0) {
                    return new Report(subject, Double.POSITIVE_INFINITY, "forward changed its input z");
                }
            }
        }
        Matrix dZ = Matrix.zeros(z.rows(), z.columns());
        v.backward(z, a, dA, dZ);
        Matrix inPlace = dA.copy();
        v.backward(z, a, inPlace, inPlace);
        Matrix scratch = Matrix.zeros(z.rows(), z.columns());
        Worst worst = new Worst();
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < z.columns(); j++) {
                double analytic = dZ.get(i, j);
                if (!sameValue(analytic, inPlace.get(i, j))) {
                    return new Report(subject, Double.POSITIVE_INFINITY, "backward with dZ == dA gives "
                            + inPlace.get(i, j) + " at [" + i + ", " + j + "] but " + analytic
                            + " with separate matrices: read a column of dA before writing it");
                }
                int example = j;
                double numeric = stencil(() -> projection(v, z, dA, scratch, example), z, i, j);
                worst.offer(i, j, analytic, numeric);
            }
        }
        return worst.report(subject, "backward", "forward");
    }

    /** Checks {@code loss} on {@code units} outputs × 5 examples: activations in [0.1, 0.9], labels one-hot (0/1 for one unit). */
    public static Report loss(Loss loss, int units) {
        TestRandom random = new TestRandom(SEED);
        Matrix a = Matrix.zeros(units, 5);
        Matrix y = Matrix.zeros(units, 5);
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < units; i++) {
                a.set(i, j, 0.1 + 0.8 * random.nextDouble());
            }
            if (units == 1) {
                y.set(0, j, random.nextInterval(1));
            } else {
                y.set((int) random.nextInterval(units - 1), j, 1.0);
            }
        }
        return loss(loss, a, y);
    }

    /**
     * Checks {@code loss} at {@code a} against targets {@code y}. The cost is a mean over the
     * examples while the gradient is not divided by their number, so {@code gradient / m} is what is
     * compared with the derivative of the cost.
     */
    public static Report loss(Loss loss, Matrix a, Matrix y) {
        String subject = loss.getClass().getSimpleName();
        Matrix dA = Matrix.zeros(a.rows(), a.columns());
        loss.gradient(a, y, dA);
        double m = a.columns();
        Worst worst = new Worst();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                double numeric = stencil(() -> loss.cost(a, y), a, i, j);
                worst.offer(i, j, dA.get(i, j) / m, numeric);
            }
        }
        return worst.report(subject, "gradient / m", "cost");
    }

    /** Σ_units dA ⊙ g(z) for example {@code j}: its derivative with respect to z is backward's dZ. */
    private static double projection(VectorActivation activation, Matrix z, Matrix dA, Matrix scratch, int j) {
        activation.forward(z, scratch);
        double sum = 0;
        for (int i = 0; i < z.rows(); i++) {
            sum += dA.get(i, j) * scratch.get(i, j);
        }
        return sum;
    }

    private static double stencil(java.util.function.DoubleUnaryOperator f, double x) {
        return (-f.applyAsDouble(x + 2 * H) + 8 * f.applyAsDouble(x + H) - 8 * f.applyAsDouble(x - H)
                + f.applyAsDouble(x - 2 * H)) / (12 * H);
    }

    /** The derivative of {@code f} with respect to {@code x[i, j]}, restoring {@code x} afterwards. */
    private static double stencil(DoubleSupplier f, Matrix x, int i, int j) {
        double original = x.get(i, j);
        double[] offsets = {2 * H, H, -H, -2 * H};
        double[] values = new double[4];
        for (int k = 0; k < 4; k++) {
            x.set(i, j, original + offsets[k]);
            values[k] = f.getAsDouble();
        }
        x.set(i, j, original);
        return (-values[0] + 8 * values[1] - 8 * values[2] + values[3]) / (12 * H);
    }

    static Matrix signedAwayFromZero(TestRandom random, int rows, int columns, double min, double spread) {
        Matrix out = Matrix.zeros(rows, columns);
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                double sign = random.nextDouble() < 0.5 ? -1 : 1;
                out.set(i, j, sign * (min + spread * random.nextDouble()));
            }
        }
        return out;
    }

    private static boolean sameValue(double x, double y) {
        return Double.compare(x, y) == 0 || x == y || Math.abs(x - y) <= 1e-15 * Math.max(Math.abs(x), Math.abs(y));
    }

    /** Tracks the element with the largest error. */
    private static final class Worst {
        private double error = -1;
        private String where = "no elements";

        void offer(int i, int j, double analytic, double numeric) {
            double e = Math.abs(analytic - numeric) / Math.max(FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
            if (Double.isNaN(e)) {
                e = Double.POSITIVE_INFINITY;
            }
            if (e > error) {
                error = e;
                where = "[" + i + ", " + j + "]: analytic " + analytic + ", numeric " + numeric;
            }
        }

        Report report(String subject, String analyticName, String functionName) {
            return new Report(subject, Math.max(error, 0), "worst at " + where + " (" + analyticName
                    + " against centred differences of " + functionName + ")");
        }
    }

    /**
     * The outcome of a check.
     *
     * @param subject the checked class
     * @param maxRelativeError the largest error over all elements (infinite when a contract was
     *     broken outright, e.g. {@code forward} changed {@code z})
     * @param detail where the worst element is, or which contract was broken
     */
    public record Report(String subject, double maxRelativeError, String detail) {
        /** Throws an {@link AssertionError} naming the worst element when the error exceeds {@code tolerance}. */
        public Report assertBelow(double tolerance) {
            if (!(maxRelativeError <= tolerance)) {
                throw new AssertionError(subject + " fails its gradient check: max relative error "
                        + maxRelativeError + " exceeds " + tolerance + "; " + detail);
            }
            return this;
        }
    }
}
