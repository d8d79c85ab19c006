package dev.strata.engine;

import dev.strata.spi.Activation;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The math of a dense layer, written into caller-owned arrays. The training engine calls these
 * with buffers it reuses every iteration; the step-by-step notebook API calls the same functions
 * with fresh arrays, so there is one implementation of the math.
 *
 * <p>Products go to BLAS ({@code gemm} with transpose flags, never a materialised transpose;
 * column-major operands were 2-3x faster than row-major for the cat model's shapes). The
 * elementwise work around them — bias, activation, derivative, bias gradient — runs as one Java
 * pass per step over bulk-copied values when the activation is an {@link ElementwiseActivation}:
 * on layer-sized arrays one native ND4J call costs more than the arithmetic.
 */
public final class LayerMath {
    private LayerMath() {
    }

    /** Java-side buffers reused across calls for one layer; not thread-safe. */
    public static final class Scratch {
        private double[] z = new double[0];
        private double[] a = new double[0];
        private double[] d = new double[0];
        private double[] b = new double[0];
        private double[] sums = new double[0];

        void fit(long values, long units) {
            z = HostArrays.ensure(z, values);
            a = HostArrays.ensure(a, values);
            d = HostArrays.ensure(d, values);
            b = HostArrays.ensure(b, units);
            sums = HostArrays.ensure(sums, units);
        }
    }

    /** {@code Z := W · A_prev + b} (the seeds' {@code linear_forward}). */
    public static void linearForward(INDArray aPrev, INDArray w, INDArray b, INDArray z) {
        Blas.gemm(w, aPrev, z, false, false, 1.0, 0.0);
        z.addiColumnVector(b);
    }

    /** {@code Z := W · A_prev + b}, {@code A := g(Z)} (the seeds' {@code linear_activation_forward}). */
    public static void layerForward(INDArray aPrev, INDArray w, INDArray b, Activation g, INDArray z, INDArray a,
            Scratch s) {
        Blas.gemm(w, aPrev, z, false, false, 1.0, 0.0);
        biasAndActivate(z, b, g, a, s);
    }

    /** {@code Z := Z + b}, {@code A := g(Z)}: the rest of a layer's forward pass once its product is in {@code z}. */
    static void biasAndActivate(INDArray z, INDArray b, Activation g, INDArray a, Scratch s) {
        if (g instanceof ElementwiseActivation e && fusable(z, a)) {
            int rows = (int) z.rows();
            int n = (int) z.length();
            s.fit(n, rows);
            HostArrays.read(z, s.z);
            HostArrays.read(b, s.b);
            // in memory order, with the arrays in locals: both measured several times faster
            int columns = n / rows;
            double[] zs = s.z;
            double[] as = s.a;
            double[] bs = s.b;
            if (z.ordering() == 'f') {
                for (int c = 0, i = 0; c < columns; c++) {
                    for (int r = 0; r < rows; r++, i++) {
                        zs[i] += bs[r];
                    }
                }
            } else {
                for (int r = 0, i = 0; r < rows; r++) {
                    double bias = bs[r];
                    for (int c = 0; c < columns; c++, i++) {
                        zs[i] += bias;
                    }
                }
            }
            e.values(zs, as, n);
            HostArrays.write(s.z, z);
            HostArrays.write(s.a, a);
        } else {
            z.addiColumnVector(b);
            g.forward(z, a);
        }
    }

    /**
     * The seeds' {@code linear_backward}: {@code dW := (1/m) dZ · A_prevᵀ}, {@code db := (1/m) Σ dZ}
     * over examples, and {@code dA_prev := Wᵀ · dZ} unless {@code dAPrev} is {@code null} (the input
     * layer's gradient is never needed for training).
     */
    public static void linearBackward(INDArray dZ, INDArray aPrev, INDArray w, INDArray dW, INDArray db,
            INDArray dAPrev) {
        double invM = 1.0 / aPrev.columns();
        Blas.gemm(dZ, aPrev, dW, false, true, invM, 0.0);
        nativeBiasGradient(dZ, db);
        if (dAPrev != null) {
            Blas.gemm(w, dZ, dAPrev, true, false, 1.0, 0.0);
        }
    }

    /**
     * The seeds' {@code linear_activation_backward}: {@code dZ := dA ⊙ g'(Z)} written over
     * {@code dA}, then {@link #linearBackward}.
     */
    public static void layerBackward(INDArray dA, INDArray z, INDArray a, Activation g, INDArray aPrev, INDArray w,
            INDArray dW, INDArray db, INDArray dAPrev, Scratch s) {
        if (activationGradient(dA, z, a, g, db, s)) {
            products(dA, aPrev, w, dW, dAPrev);
        } else {
            g.backward(z, a, dA, dA);
            linearBackward(dA, aPrev, w, dW, db, dAPrev);
        }
    }

    /** {@link #linearBackward} for a {@code dZ} already known (a loss's fused output gradient). */
    public static void deltaBackward(INDArray dZ, INDArray aPrev, INDArray w, INDArray dW, INDArray db, INDArray dAPrev,
            Scratch s) {
        if (biasGradient(dZ, db, s)) {
            products(dZ, aPrev, w, dW, dAPrev);
        } else {
            linearBackward(dZ, aPrev, w, dW, db, dAPrev);
        }
    }

    /**
     * {@code dZ := dA ⊙ g'(Z)} over {@code dA} and {@code db := (1/m) Σ dZ}, without the layer's
     * products: what a layer whose weight gradient is never formed needs (see {@link InputGram}).
     */
    static void activationAndBiasGradient(INDArray dA, INDArray z, INDArray a, Activation g, INDArray db, Scratch s) {
        if (!activationGradient(dA, z, a, g, db, s)) {
            g.backward(z, a, dA, dA);
            nativeBiasGradient(dA, db);
        }
    }

    /** {@code db := (1/m) Σ dZ} over examples for a {@code dZ} already known. */
    static void biasGradientOf(INDArray dZ, INDArray db, Scratch s) {
        if (!biasGradient(dZ, db, s)) {
            nativeBiasGradient(dZ, db);
        }
    }

    /** {@code db := (1/m) Σ dZ} with native ops, for arrays the Java pass cannot copy. */
    private static void nativeBiasGradient(INDArray dZ, INDArray db) {
        dZ.sum(db, false, 1);
        db.muli(1.0 / dZ.columns());
    }

    /**
     * The fused Java pass of {@code dZ := dA ⊙ g'(Z)} and {@code db}; {@code false} (nothing done)
     * when the activation or the arrays do not allow it.
     */
    private static boolean activationGradient(INDArray dA, INDArray z, INDArray a, Activation g, INDArray db,
            Scratch s) {
        if (!(g instanceof ElementwiseActivation e && fusable(z, a) && fusable(z, dA) && HostArrays.dense(db))) {
            return false;
        }
        int rows = (int) z.rows();
        int n = (int) z.length();
        s.fit(n, rows);
        HostArrays.read(z, s.z);
        HostArrays.read(a, s.a);
        HostArrays.read(dA, s.d);
        e.chains(s.d, s.z, s.a, n);
        rowSums(s.d, s.sums, rows, n / rows, z.ordering());
        scaleSums(s, rows, n / rows);
        HostArrays.write(s.d, dA);
        HostArrays.write(s.sums, db);
        return true;
    }

    /** The fused Java pass of {@code db := (1/m) Σ dZ}; {@code false} (nothing done) for views. */
    private static boolean biasGradient(INDArray dZ, INDArray db, Scratch s) {
        if (!HostArrays.dense(dZ) || !HostArrays.dense(db)) {
            return false;
        }
        int rows = (int) dZ.rows();
        int n = (int) dZ.length();
        s.fit(n, rows);
        HostArrays.read(dZ, s.d);
        int columns = n / rows;
        rowSums(s.d, s.sums, rows, columns, dZ.ordering());
        scaleSums(s, rows, columns);
        HostArrays.write(s.sums, db);
        return true;
    }

    /** Each row's sum over its examples, in example order whatever the memory order. */
    private static void rowSums(double[] values, double[] sums, int rows, int columns, char order) {
        java.util.Arrays.fill(sums, 0, rows, 0.0);
        if (order == 'f') {
            for (int c = 0, i = 0; c < columns; c++) {
                for (int r = 0; r < rows; r++, i++) {
                    sums[r] += values[i];
                }
            }
        } else {
            for (int r = 0, i = 0; r < rows; r++) {
                double sum = 0;
                for (int c = 0; c < columns; c++, i++) {
                    sum += values[i];
                }
                sums[r] = sum;
            }
        }
    }

    /** {@code db = (1/m) Σ dZ}: the row sums times 1/m, as the seeds compute it. */
    private static void scaleSums(Scratch s, int rows, int columns) {
        double invM = 1.0 / columns;
        for (int r = 0; r < rows; r++) {
            s.sums[r] *= invM;
        }
    }

    private static void products(INDArray dZ, INDArray aPrev, INDArray w, INDArray dW, INDArray dAPrev) {
        Blas.gemm(dZ, aPrev, dW, false, true, 1.0 / aPrev.columns(), 0.0);
        if (dAPrev != null) {
            Blas.gemm(w, dZ, dAPrev, true, false, 1.0, 0.0);
        }
    }

    private static boolean fusable(INDArray x, INDArray y) {
        return HostArrays.dense(x) && HostArrays.dense(y) && x.ordering() == y.ordering() && x.rank() == 2
                && y.rank() == 2 && x.dataType() == y.dataType();
    }
}
