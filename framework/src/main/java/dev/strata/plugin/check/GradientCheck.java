package dev.strata.plugin.check;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.Activation;
import dev.strata.spi.Api;
import dev.strata.spi.Loss;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks a plugin's analytic derivative against centred differences of its own function, in
 * float64: an activation's {@code backward} against its {@code forward}, a loss's
 * {@code gradient} against its {@code cost}. One line in a plugin's test:
 *
 * <pre>{@code
 * GradientCheck.activation(new SwishFactory().create(params)).assertBelow(1e-7);
 * }</pre>
 *
 * <p>Derivatives are estimated with the five-point stencil (error O(h⁴), h = 1e-3), so a correct
 * implementation typically scores 1e-9 or better. The relative error of one element is
 * {@code |analytic − numeric| / max(|analytic|, |numeric|, 1e-4)}: below 1e-4 the estimate's own
 * rounding would dominate a purely relative measure.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class GradientCheck {
    private static final double H = 1e-3;
    private static final double FLOOR = 1e-4;
    private static final long SEED = 1;

    private GradientCheck() {
    }

    /**
     * Checks {@code activation} on 4 × 5 inputs drawn from a fixed seed, with |z| in [0.1, 3] (away
     * from the kinks of relu-like functions) and upstream gradients of magnitude [0.5, 1.5].
     */
    public static Report activation(Activation activation) {
        NumpyRandom random = new NumpyRandom(SEED);
        INDArray z = signedAwayFromZero(random, 4, 5, 0.1, 2.9);
        INDArray dA = signedAwayFromZero(random, 4, 5, 0.5, 1.0);
        return activation(activation, z, dA);
    }

    /**
     * Checks {@code activation} at {@code z} (units × examples, float64) with upstream gradient
     * {@code dA}. Besides the derivative, it checks that {@code forward} leaves {@code z} alone and
     * that {@code backward} gives the same result when {@code dZ} is the same array as {@code dA}.
     */
    public static Report activation(Activation activation, INDArray z, INDArray dA) {
        requireFloat64(z, "z");
        requireFloat64(dA, "dA");
        String subject = activation.getClass().getSimpleName();
        INDArray zCopy = z.dup();
        INDArray a = Nd4j.create(DataType.DOUBLE, z.shape());
        activation.forward(z, a);
        if (!z.equalsWithEps(zCopy, 0.0)) {
            return new Report(subject, Double.POSITIVE_INFINITY, "forward changed its input z");
        }
        INDArray dZ = Nd4j.create(DataType.DOUBLE, z.shape());
        activation.backward(z, a, dA, dZ);
        INDArray inPlace = dA.dup();
        activation.backward(z, a, inPlace, inPlace);
        INDArray scratch = Nd4j.create(DataType.DOUBLE, z.shape());
        Worst worst = new Worst();
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < z.columns(); j++) {
                int example = j;
                double analytic = dZ.getDouble(i, j);
                if (!sameValue(analytic, inPlace.getDouble(i, j))) {
                    return new Report(subject, Double.POSITIVE_INFINITY, "backward with dZ == dA gives "
                            + inPlace.getDouble(i, j) + " at [" + i + ", " + j + "] but " + analytic
                            + " with separate arrays: read dA before overwriting it");
                }
                double numeric = stencil(() -> columnProjection(activation, z, dA, scratch, example), z, i, j);
                worst.offer(i, j, analytic, numeric);
            }
        }
        return worst.report(subject, "backward", "forward");
    }

    /** Checks {@code loss} on 3 outputs × 5 examples: activations in [0.1, 0.9], one-hot labels. */
    public static Report loss(Loss loss) {
        return loss(loss, 3);
    }

    /**
     * As {@link #loss(Loss)} with {@code units} outputs; with one unit the labels are 0 or 1, with
     * more each example's labels are one-hot.
     */
    public static Report loss(Loss loss, int units) {
        NumpyRandom random = new NumpyRandom(SEED);
        int examples = 5;
        INDArray al = Nd4j.create(DataType.DOUBLE, units, examples);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, units, examples);
        for (int j = 0; j < examples; j++) {
            for (int i = 0; i < units; i++) {
                al.putScalar(i, j, 0.1 + 0.8 * random.nextDouble());
            }
            if (units == 1) {
                y.putScalar(0, j, random.nextInterval(1));
            } else {
                y.putScalar(random.nextInterval(units - 1), j, 1.0);
            }
        }
        return loss(loss, al, y);
    }

    /**
     * Checks {@code loss} at {@code al} against labels {@code y} (float64). The cost is a mean over
     * the examples while the gradient is not divided by their number, so {@code gradient / m} is
     * what is compared with the derivative of the cost.
     */
    public static Report loss(Loss loss, INDArray al, INDArray y) {
        requireFloat64(al, "al");
        requireFloat64(y, "y");
        String subject = loss.getClass().getSimpleName();
        INDArray dAL = Nd4j.create(DataType.DOUBLE, al.shape());
        loss.gradient(al, y, dAL);
        double m = al.columns();
        Worst worst = new Worst();
        for (int i = 0; i < al.rows(); i++) {
            for (int j = 0; j < al.columns(); j++) {
                double numeric = stencil(() -> loss.cost(al, y), al, i, j);
                worst.offer(i, j, dAL.getDouble(i, j) / m, numeric);
            }
        }
        return worst.report(subject, "gradient / m", "cost");
    }

    /** Σ_units dA ⊙ g(z) for example {@code j}: its derivative with respect to z is backward's dZ. */
    private static double columnProjection(Activation activation, INDArray z, INDArray dA, INDArray scratch, int j) {
        activation.forward(z, scratch);
        double sum = 0;
        for (int i = 0; i < z.rows(); i++) {
            sum += dA.getDouble(i, j) * scratch.getDouble(i, j);
        }
        return sum;
    }

    /** The derivative of {@code f} with respect to {@code x[i, j]}, restoring {@code x} afterwards. */
    private static double stencil(DoubleSupplier f, INDArray x, int i, int j) {
        double original = x.getDouble(i, j);
        double[] offsets = {2 * H, H, -H, -2 * H};
        double[] values = new double[4];
        for (int k = 0; k < 4; k++) {
            x.putScalar(i, j, original + offsets[k]);
            values[k] = f.getAsDouble();
        }
        x.putScalar(i, j, original);
        return (-values[0] + 8 * values[1] - 8 * values[2] + values[3]) / (12 * H);
    }

    private static INDArray signedAwayFromZero(NumpyRandom random, int rows, int columns, double min, double spread) {
        INDArray out = Nd4j.create(DataType.DOUBLE, rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double sign = random.nextDouble() < 0.5 ? -1 : 1;
                out.putScalar(i, j, sign * (min + spread * random.nextDouble()));
            }
        }
        return out;
    }

    private static boolean sameValue(double x, double y) {
        return Double.compare(x, y) == 0 || x == y || Math.abs(x - y) <= 1e-15 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static void requireFloat64(INDArray array, String name) {
        if (array.dataType() != DataType.DOUBLE || array.rank() != 2) {
            throw new IllegalArgumentException("gradient checks need a float64 matrix for " + name + ", got "
                    + array.dataType() + " of shape " + Arrays.toString(array.shape()));
        }
    }

    /** Tracks the element with the largest relative error. */
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
     * @param maxRelativeError the largest relative error over all elements (infinite when a
     *     contract was broken outright, e.g. {@code forward} changed {@code z})
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
