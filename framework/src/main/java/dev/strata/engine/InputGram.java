package dev.strata.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer trained through the Gram matrix of the input, for full-batch plain gradient
 * descent.
 *
 * <p>Under {@code W := W − r·dW} with {@code dW = (1/m)·dZ·Xᵀ}, every update of the first layer's
 * weights is a combination of the examples: {@code W_t = W_0 − S_t·Xᵀ} with
 * {@code S_t = Σ (r/m)·dZ_s} (units × m). Its product is then {@code W_t·X = W_0·X − S_t·G} with the
 * m × m Gram matrix {@code G = XᵀX}, computed once. An iteration costs one units×m×m product
 * instead of the two units×n×m products of the direct form ({@code W·X} and {@code dZ·Xᵀ}); for the
 * cat model (n = 12288 inputs, m = 209 examples) that is 118 times fewer operations in the layer
 * that took 92% of the loop. The two forms are equal in exact arithmetic and differ in rounding
 * only (the golden costs agree within 2.2e-13 in the Gram form, 7e-15 in the direct form).
 *
 * <p>{@code W} itself is formed ({@code W_0 − S·Xᵀ}, one product) only when it is read: for a
 * checkpoint and at the end of training. The state that continues a run exactly is
 * {@code W_0} and {@code S} ({@link #state()}).
 */
final class InputGram {
    static final String BASE = "input_gram.W1_base";
    static final String COEFFICIENTS = "input_gram.S";
    /** The Gram matrix is never allowed to take more than this (m = 5,792 examples in float64). */
    static final long MAX_GRAM_BYTES = 256L << 20;

    private final int examples;
    private final INDArray xForWeights;
    private final INDArray gram;
    private final INDArray base;
    private final INDArray baseProduct;
    private final INDArray coefficients;

    /**
     * @param x the whole training input, features × m, column-major
     * @param xForWeights the same values in the layout the weight product {@code S·Xᵀ} reads fastest
     * @param w the first layer's current weights; the start of the run unless {@code restored} continues one
     * @param restored {@link #state()} of the run being continued, or empty
     */
    InputGram(INDArray x, INDArray xForWeights, INDArray w, Map<String, INDArray> restored) {
        this.xForWeights = xForWeights;
        int m = (int) x.columns();
        this.examples = m;
        DataType dtype = x.dataType();
        gram = Nd4j.create(dtype, new long[] {m, m}, 'f');
        Blas.gemm(x, x, gram, true, false, 1.0, 0.0);
        base = w.dup(w.ordering());
        coefficients = Nd4j.zeros(dtype, w.rows(), m).dup('f');
        INDArray savedBase = restored.get(BASE);
        INDArray savedCoefficients = restored.get(COEFFICIENTS);
        if (savedBase != null && savedCoefficients != null && savedBase.equalShapes(base)
                && savedCoefficients.equalShapes(coefficients)) {
            base.assign(savedBase);
            coefficients.assign(savedCoefficients);
        }
        baseProduct = Nd4j.create(dtype, new long[] {w.rows(), m}, 'f');
        Blas.gemm(base, x, baseProduct, false, false, 1.0, 0.0);
    }

    /**
     * Whether the Gram form does less work than the direct form over a whole run, by at least half,
     * counting its one-off products ({@code G}, {@code W_0·X}, the final {@code W}); and whether
     * {@code G} fits in {@link #MAX_GRAM_BYTES}. Multiply-adds counted as 2 operations.
     */
    static boolean pays(long examples, long inputSize, long units, long iterations, DataType dtype) {
        double m = examples;
        double n = inputSize;
        double u = units;
        double direct = iterations * 4 * u * n * m;
        double gram = 2 * n * m * m + 4 * u * n * m + iterations * 2 * u * m * m;
        return m * m * dtype.width() <= MAX_GRAM_BYTES && 2 * gram <= direct;
    }

    /** {@code Z := W_t·X}, before bias and activation. */
    void product(INDArray z) {
        z.assign(baseProduct);
        Blas.gemm(coefficients, gram, z, false, false, -1.0, 1.0);
    }

    /** The update {@code W := W − rate·(1/m)·dZ·Xᵀ}, applied to {@code S}. */
    void update(INDArray dZ, double rate) {
        Nd4j.getBlasWrapper().level1().axpy(dZ.length(), rate / examples, dZ, coefficients);
    }

    /** Writes {@code W_t = W_0 − S·Xᵀ} into {@code w}; the Gram form's own state is unchanged. */
    void formWeights(INDArray w) {
        w.assign(base);
        Blas.gemm(coefficients, xForWeights, w, false, true, -1.0, 1.0);
    }

    /** {@code W_0} and {@code S}: with the formed weights, what continues the run bit for bit. */
    Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(BASE, base);
        out.put(COEFFICIENTS, coefficients);
        return out;
    }
}
