package dev.strata.engine;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The linear parts of a dense layer, written into caller-owned arrays. The training engine calls
 * these with buffers it reuses every iteration; the step-by-step notebook API calls the same
 * functions with fresh arrays, so there is one implementation of the math.
 *
 * <p>Arrays are expected in column-major ('f') order: measured on ND4J 1.0.0-M2.1, 'f' operands
 * made the dominant products 2-3x faster than 'c', and transposes are passed as GEMM flags instead
 * of being materialised.
 */
public final class LayerMath {
    private LayerMath() {
    }

    /** {@code Z := W · A_prev + b} (the seeds' {@code linear_forward}). */
    public static void linearForward(INDArray aPrev, INDArray w, INDArray b, INDArray z) {
        Nd4j.gemm(w, aPrev, z, false, false, 1.0, 0.0);
        z.addiColumnVector(b);
    }

    /**
     * The seeds' {@code linear_backward}: {@code dW := (1/m) dZ · A_prevᵀ}, {@code db := (1/m) Σ dZ}
     * over examples, and {@code dA_prev := Wᵀ · dZ} unless {@code dAPrev} is {@code null} (the input
     * layer's gradient is never needed for training).
     */
    public static void linearBackward(INDArray dZ, INDArray aPrev, INDArray w, INDArray dW, INDArray db,
            INDArray dAPrev) {
        double invM = 1.0 / aPrev.columns();
        Nd4j.gemm(dZ, aPrev, dW, false, true, invM, 0.0);
        dZ.sum(db, false, 1);
        db.muli(invM);
        if (dAPrev != null) {
            Nd4j.gemm(w, dZ, dAPrev, true, false, 1.0, 0.0);
        }
    }
}
