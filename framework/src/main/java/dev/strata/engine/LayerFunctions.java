package dev.strata.engine;

import dev.strata.spi.Activation;
import dev.strata.spi.Matrix;

/**
 * The training loop's layer math as functions of whole matrices (float64, fresh results), for the
 * step-by-step notebook API: the same products and the same elementwise passes, one implementation
 * of the math.
 */
public final class LayerFunctions {
    private LayerFunctions() {
    }

    /** The gradients of a layer's linear step. */
    public record LinearGradients(Matrix dAPrev, Matrix dW, Matrix db) {
    }

    /** {@code Z := W · A_prev + b} (the notebooks' {@code linear_forward}). */
    public static Matrix linearForward(Matrix aPrev, Matrix w, Matrix b) {
        Dense z = Dense.zeros(Precision.FLOAT64, w.rows(), aPrev.columns(), 'f');
        Blas.gemm(toNative(w), false, toNative(aPrev), false, z, 1.0, 0.0);
        Matrix out = fromNative(z);
        double[] values = out.values();
        for (int j = 0, i = 0; j < out.columns(); j++) {
            for (int r = 0; r < out.rows(); r++, i++) {
                values[i] += b.get(r, 0);
            }
        }
        return out;
    }

    /** {@code A := g(Z)}. */
    public static Matrix activate(Matrix z, Activation g) {
        Matrix zCopy = z.copy();
        Matrix a = Matrix.zeros(z.rows(), z.columns());
        double[] noBias = new double[z.rows()];
        Kernels.biasAndActivate(zCopy.values(), noBias, g, a.values(), z.rows(), z.columns(), Precision.FLOAT64, zCopy, a,
                null);
        return a;
    }

    /** {@code dZ := dA ⊙ g'(Z)} (or a vector activation's Jacobian-vector product), with {@code a = g(z)}. */
    public static Matrix activationGradient(Matrix dA, Matrix z, Matrix a, Activation g) {
        Matrix dZ = dA.copy();
        Kernels.activationAndBiasGradient(dZ.values(), z.values(), a.values(), g, new double[z.rows()], z.rows(),
                z.columns(), Precision.FLOAT64, dZ, z, a);
        return dZ;
    }

    /**
     * The notebooks' {@code linear_backward}: {@code dW := (1/m) dZ · A_prevᵀ}, {@code db := (1/m) Σ dZ}
     * over examples, {@code dA_prev := Wᵀ · dZ}.
     */
    public static LinearGradients linearBackward(Matrix dZ, Matrix aPrev, Matrix w) {
        int m = aPrev.columns();
        Dense dZn = toNative(dZ);
        Dense dW = Dense.zeros(Precision.FLOAT64, w.rows(), w.columns(), 'f');
        Blas.gemm(dZn, false, toNative(aPrev), true, dW, 1.0 / m, 0.0);
        Matrix db = Matrix.zeros(w.rows(), 1);
        Kernels.biasGradient(dZ.values(), db.values(), dZ.rows(), m, Precision.FLOAT64);
        Dense dAPrev = Dense.zeros(Precision.FLOAT64, aPrev.rows(), m, 'f');
        Blas.gemm(toNative(w), true, dZn, false, dAPrev, 1.0, 0.0);
        return new LinearGradients(fromNative(dAPrev), fromNative(dW), db);
    }

    private static Dense toNative(Matrix m) {
        Dense d = Dense.zeros(Precision.FLOAT64, m.rows(), m.columns(), 'f');
        d.write(java.util.Arrays.copyOf(m.values(), m.rows() * m.columns()));
        return d;
    }

    private static Matrix fromNative(Dense d) {
        Matrix m = Matrix.zeros(d.rows(), d.columns());
        d.read(m.values());
        return m;
    }
}
