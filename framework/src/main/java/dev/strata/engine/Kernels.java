package dev.strata.engine;

import dev.strata.spi.Activation;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Matrix;
import dev.strata.spi.VectorActivation;

/**
 * The elementwise work of a dense layer, as single passes over Java arrays of
 * {@code units × examples} values in column order (each example's column contiguous). On
 * layer-sized arrays one native call costs more than this arithmetic, so none is made here; the
 * loops call an activation's scalar function per element, which the JIT inlines. The training loop
 * and the step-by-step notebook API call the same passes.
 */
final class Kernels {
    private Kernels() {
    }

    /**
     * {@code z := z + b} (per unit) and {@code a := g(z)}, in place over {@code z} and into {@code a}.
     * {@code zm} and {@code am} are {@code z} and {@code a} as matrices, for a vector activation;
     * {@code scratch} holds at least units × examples floats, for float32 rounding.
     */
    static void biasAndActivate(double[] z, double[] b, Activation g, double[] a, int units, int examples,
            Precision precision, Matrix zm, Matrix am, float[] scratch) {
        // The bias pass runs per column and the activation pass over the whole array: two simple loops
        // the JIT vectorises, measured 2x faster than one loop doing both (relu, 64 × 32).
        for (int j = 0; j < examples; j++) {
            int column = j * units;
            for (int r = 0; r < units; r++) {
                z[column + r] += b[r];
            }
        }
        int n = units * examples;
        if (precision == Precision.FLOAT32) {
            round(z, n, scratch);
        }
        if (g instanceof ElementwiseActivation e) {
            for (int i = 0; i < n; i++) {
                a[i] = e.value(z[i]);
            }
        } else {
            ((VectorActivation) g).forward(zm, am);
        }
    }

    /**
     * {@code d := d ⊙ g'(z)} in place, with {@code a = g(z)}, or for a vector activation its
     * Jacobian-vector product per example ({@code dm}, {@code zm}, {@code am} are the arrays as
     * matrices); then {@code db := (1/m) Σ d} over each unit's examples. For an elementwise activation
     * both are one pass.
     */
    static void activationAndBiasGradient(double[] d, double[] z, double[] a, Activation g, double[] db, int units,
            int examples, Precision precision, Matrix dm, Matrix zm, Matrix am) {
        if (!(g instanceof ElementwiseActivation e)) {
            ((VectorActivation) g).backward(zm, am, dm, dm);
            biasGradient(d, db, units, examples, precision);
            return;
        }
        java.util.Arrays.fill(db, 0, units, 0.0);
        for (int j = 0, i = 0; j < examples; j++) {
            for (int r = 0; r < units; r++, i++) {
                double v = d[i] * e.derivative(z[i], a[i]);
                d[i] = v;
                db[r] += v;
            }
        }
        scale(db, units, examples, precision);
    }

    /** {@code db := (1/m) Σ dZ} over each unit's examples, summed in example order as the notebooks' {@code np.sum}. */
    static void biasGradient(double[] d, double[] db, int units, int examples, Precision precision) {
        java.util.Arrays.fill(db, 0, units, 0.0);
        for (int j = 0, i = 0; j < examples; j++) {
            for (int r = 0; r < units; r++, i++) {
                db[r] += d[i];
            }
        }
        scale(db, units, examples, precision);
    }

    /** {@code d := a − y} and its bias gradient: the output layer's gradients when loss and activation are canonical partners. */
    static void differenceAndBiasGradient(double[] a, double[] y, double[] d, double[] db, int units, int examples,
            Precision precision) {
        java.util.Arrays.fill(db, 0, units, 0.0);
        for (int j = 0, i = 0; j < examples; j++) {
            for (int r = 0; r < units; r++, i++) {
                double v = a[i] - y[i];
                d[i] = v;
                db[r] += v;
            }
        }
        scale(db, units, examples, precision);
    }

    /** The sums times 1/m, as the notebooks compute the mean. */
    private static void scale(double[] db, int units, int examples, Precision precision) {
        double invM = 1.0 / examples;
        for (int r = 0; r < units; r++) {
            db[r] = precision.round(db[r] * invM);
        }
    }

    /**
     * Rounds {@code values[0 .. n)} to float32 precision, through {@code scratch} (at least n long):
     * as two loops, narrowing then widening, the JIT vectorises both; one loop doing both ran at
     * 1.5 ns a value instead of 0.6.
     */
    static void round(double[] values, int n, float[] scratch) {
        for (int i = 0; i < n; i++) {
            scratch[i] = (float) values[i];
        }
        for (int i = 0; i < n; i++) {
            values[i] = scratch[i];
        }
    }
}
