package dev.strata.engine;

import dev.strata.io.NumpyArray;
import java.util.LinkedHashMap;
import java.util.Map;

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
final class InputGram implements FirstLayer {
    static final String BASE = "input_gram.W1_base";
    static final String COEFFICIENTS = "input_gram.S";
    /** The Gram matrix is never allowed to take more than this (m = 5,792 examples in float64). */
    static final long MAX_GRAM_BYTES = 256L << 20;

    private final Parameter w;
    private final Dense input;
    private final Dense xForWeights;
    private final Dense gram;
    private final Dense base;
    private final Dense baseProduct;
    private final Dense coefficients;

    /**
     * @param layer the first layer, at the weights the run starts from
     * @param x the whole training input, features × m, column-major
     * @param xForWeights the same values in the layout the weight product {@code S·Xᵀ} reads fastest
     */
    InputGram(Layer layer, Dense x, Dense xForWeights) {
        this.w = layer.w();
        this.input = x;
        this.xForWeights = xForWeights;
        int m = x.columns();
        Precision precision = x.precision();
        gram = Dense.zeros(precision, m, m, 'f');
        Blas.gemm(x, true, x, false, gram, 1.0, 0.0);
        base = Dense.zeros(precision, w.rows(), w.columns(), w.order());
        base.write(w.values().clone());
        coefficients = Dense.zeros(precision, w.rows(), m, 'f');
        baseProduct = Dense.zeros(precision, w.rows(), m, 'f');
        Blas.gemm(base, false, x, false, baseProduct, 1.0, 0.0);
    }

    /**
     * Whether the Gram form does less work than the direct form over a whole run, by at least half,
     * counting its one-off products ({@code G}, {@code W_0·X}, the final {@code W}); and whether
     * {@code G} fits in {@link #MAX_GRAM_BYTES}. Multiply-adds counted as 2 operations.
     */
    static boolean pays(long examples, long inputSize, long units, long iterations, Precision precision) {
        double m = examples;
        double n = inputSize;
        double u = units;
        double direct = iterations * 4 * u * n * m;
        double gramWork = 2 * n * m * m + 4 * u * n * m + iterations * 2 * u * m * m;
        return m * m * precision.bytes() <= MAX_GRAM_BYTES && 2 * gramWork <= direct;
    }

    @Override
    public String name() {
        return "input_gram";
    }

    /** {@code Z := W_t·X = W_0·X − S·G}, before bias and activation. */
    @Override
    public void product(Dense x, Dense z) {
        z.copyAll(baseProduct);
        Blas.gemm(coefficients, false, gram, false, z, -1.0, 1.0);
    }

    @Override
    public void weightGradient(Dense dZ, Dense xForWeights, double invM) {
        // never formed: the update goes to S
    }

    @Override
    public boolean optimizerUpdatesWeights() {
        return false;
    }

    /** The update {@code W := W − rate·(1/m)·dZ·Xᵀ}, applied to {@code S}. */
    @Override
    public void afterUpdate(Dense dZ, double learningRate, int m) {
        Blas.axpy(learningRate / m, dZ, coefficients);
    }

    /** Writes {@code W_t = W_0 − S·Xᵀ} into the weights (native, then Java); the Gram form's own state is unchanged. */
    @Override
    public void formWeights() {
        Dense target = w.nativeValues();
        target.copyAll(base);
        Blas.gemm(coefficients, false, xForWeights, true, target, -1.0, 1.0);
        w.pullValues();
    }

    /** {@code W_0} and {@code S}, row-major copies. */
    @Override
    public Map<String, NumpyArray> state() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        boolean single = base.precision() == Precision.FLOAT32;
        out.put(BASE, new NumpyArray(new int[] {base.rows(), base.columns()}, base.toRowMajor(), single));
        out.put(COEFFICIENTS, new NumpyArray(new int[] {coefficients.rows(), coefficients.columns()},
                coefficients.toRowMajor(), single));
        return out;
    }

    /** Continues from a checkpoint's {@code W_0} and {@code S}; ignored unless both have this run's shapes. */
    @Override
    public void restore(Map<String, NumpyArray> state) {
        NumpyArray savedBase = state.get(BASE);
        NumpyArray savedCoefficients = state.get(COEFFICIENTS);
        if (savedBase == null || savedCoefficients == null || !savedBase.isMatrix(base.rows(), base.columns())
                || !savedCoefficients.isMatrix(coefficients.rows(), coefficients.columns())) {
            return;
        }
        base.fromRowMajor(savedBase.values());
        coefficients.fromRowMajor(savedCoefficients.values());
        Blas.gemm(base, false, input, false, baseProduct, 1.0, 0.0);
    }
}
