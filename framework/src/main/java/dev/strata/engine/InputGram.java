package dev.strata.engine;

import dev.strata.io.NumpyArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first layer trained through the Gram matrix of the input, for full-batch training under a
 * rule that is linear in the gradients: plain gradient descent or momentum, with or without L2.
 *
 * <p>With {@code dW = (1/m)·dZ·Xᵀ + k·W} ({@code k = λ/m}, 0 without L2), every update of the first
 * layer's weights is a multiple of where they started plus a combination of the examples:
 * {@code W_t = c_t·W_0 − S_t·Xᵀ} (S is units × m). Momentum's average is of the same kind,
 * {@code v_t = a_t·W_0 + U_t·Xᵀ}. Gradient descent: {@code c := (1 − r·k)·c},
 * {@code S := (1 − r·k)·S + (r/m)·dZ}. Momentum: {@code a := β·a + (1 − β)·k·c},
 * {@code U := β·U + (1 − β)·(dZ/m − k·S)}, then {@code c := c − r·a}, {@code S := S + r·U}.
 * The product is {@code W_t·X = c·W_0·X − S·G} with the m × m Gram matrix {@code G = XᵀX},
 * computed once, and L2's {@code ‖W_t‖²} follows from it:
 * {@code c²‖W_0‖² − c⟨W_0·X, S⟩ − ⟨W_t·X, S⟩}. An iteration costs one units×m×m product instead
 * of the two units×n×m products of the direct form; for the cat model (n = 12288 inputs, m = 209
 * examples) that is 118 times fewer operations in the layer that took 92% of the loop. The forms
 * are equal in exact arithmetic and differ in rounding only.
 *
 * <p>{@code W} (and momentum's {@code v}) are formed, one product each, only when read: for a
 * checkpoint, a validation pass and at the end of training. The state that continues a run exactly
 * is {@code W_0}, {@code S}, and where they move, {@code c}, {@code a} and {@code U} ({@link #state()}).
 */
final class InputGram implements FirstLayer {
    static final String BASE = "input_gram.W1_base";
    static final String COEFFICIENTS = "input_gram.S";
    static final String VELOCITY = "input_gram.U";
    static final String SCALES = "input_gram.scales";
    /** The Gram matrix is never allowed to take more than this (m = 5,792 examples in float64). */
    static final long MAX_GRAM_BYTES = 256L << 20;

    private final Parameter w;
    private final Dense input;
    private final Dense xForWeights;
    private final Dense gram;
    private final Dense base;
    private final Dense baseProduct;
    private final Dense coefficients;
    /** Momentum's {@code U}; null under plain gradient descent. */
    private final Dense velocity;
    private final double beta;
    private final double decay;
    private double scale = 1.0;
    private double velocityScale;
    private double baseSquares;
    private double squares = Double.NaN;

    /**
     * @param layer the first layer, at the weights the run starts from
     * @param x the whole training input, features × m, column-major
     * @param xForWeights the same values in the layout the weight product {@code S·Xᵀ} reads fastest
     * @param beta momentum's β, or NaN for plain gradient descent
     * @param decay L2's {@code k = λ/m} on this layer, 0 for none
     */
    InputGram(Layer layer, Dense x, Dense xForWeights, double beta, double decay) {
        this.w = layer.w();
        this.input = x;
        this.xForWeights = xForWeights;
        this.beta = beta;
        this.decay = decay;
        int m = x.columns();
        Precision precision = x.precision();
        gram = Dense.zeros(precision, m, m, 'f');
        Blas.gemm(x, true, x, false, gram, 1.0, 0.0);
        base = Dense.zeros(precision, w.rows(), w.columns(), w.order());
        base.write(w.values().clone());
        coefficients = Dense.zeros(precision, w.rows(), m, 'f');
        velocity = Double.isNaN(beta) ? null : Dense.zeros(precision, w.rows(), m, 'f');
        baseProduct = Dense.zeros(precision, w.rows(), m, 'f');
        rebase();
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

    /** {@code Z := W_t·X = c·W_0·X − S·G}, before bias and activation; with L2 also {@code ‖W_t‖²}. */
    @Override
    public void product(Dense x, Dense z) {
        z.copyAll(baseProduct);
        if (scale != 1.0) {
            Blas.scal(scale, z);
        }
        Blas.gemm(coefficients, false, gram, false, z, -1.0, 1.0);
        if (decay > 0) {
            squares = scale * scale * baseSquares - scale * Blas.dot(baseProduct, coefficients)
                    - Blas.dot(z, coefficients);
        }
    }

    /** {@code ‖W_t‖²} from the last product (the cost's L2 term), without forming {@code W_t}. */
    @Override
    public double squaredNorm() {
        if (decay > 0) {
            return squares;
        }
        formWeights();
        return FirstLayer.sumOfSquares(w.values());
    }

    @Override
    public void weightGradient(Dense dZ, Dense xForWeights, double invM) {
        // never formed: the update goes to S
    }

    @Override
    public boolean optimizerUpdatesWeights() {
        return false;
    }

    /** The rule's update of {@code W} (and {@code v}), applied to {@code c}, {@code a}, {@code S} and {@code U}. */
    @Override
    public void afterUpdate(Dense dZ, double learningRate, int m) {
        if (velocity == null) {
            if (decay > 0) {
                double shrink = 1 - learningRate * decay;
                Blas.scal(shrink, coefficients);
                scale *= shrink;
            }
            Blas.axpy(learningRate / m, dZ, coefficients);
            return;
        }
        Blas.scal(beta, velocity);
        Blas.axpy((1 - beta) / m, dZ, velocity);
        if (decay > 0) {
            Blas.axpy(-(1 - beta) * decay, coefficients, velocity);
            velocityScale = beta * velocityScale + (1 - beta) * decay * scale;
            scale -= learningRate * velocityScale;
        }
        Blas.axpy(learningRate, velocity, coefficients);
    }

    /** Writes {@code W_t = c·W_0 − S·Xᵀ} into the weights (native, then Java); the Gram form's own state is unchanged. */
    @Override
    public void formWeights() {
        Dense target = w.nativeValues();
        target.copyAll(base);
        if (scale != 1.0) {
            Blas.scal(scale, target);
        }
        Blas.gemm(coefficients, false, xForWeights, true, target, -1.0, 1.0);
        w.pullValues();
    }

    /** Writes momentum's {@code v_t = a·W_0 + U·Xᵀ} into {@code state} (the W1 average the direct form would hold). */
    void formVelocity(double[] state) {
        if (velocity == null) {
            return;
        }
        Dense v = Dense.zeros(base.precision(), base.rows(), base.columns(), base.order());
        v.copyAll(base);
        Blas.scal(velocityScale, v);
        Blas.gemm(velocity, false, xForWeights, true, v, 1.0, 1.0);
        v.read(state);
    }

    /** {@code W_0} and {@code S}, row-major copies; where they move, also {@code [c, a]} and {@code U}. */
    @Override
    public Map<String, NumpyArray> state() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        out.put(BASE, rowMajor(base));
        out.put(COEFFICIENTS, rowMajor(coefficients));
        if (velocity != null || decay > 0) {
            out.put(SCALES, new NumpyArray(new int[] {1, 2}, new double[] {scale, velocityScale}, false));
        }
        if (velocity != null) {
            out.put(VELOCITY, rowMajor(velocity));
        }
        return out;
    }

    /** Continues from a checkpoint's state; ignored unless it has every entry of this run's form, in its shapes. */
    @Override
    public boolean restore(Map<String, NumpyArray> state) {
        Map<String, NumpyArray> expected = state();
        for (Map.Entry<String, NumpyArray> entry : expected.entrySet()) {
            NumpyArray saved = state.get(entry.getKey());
            int[] shape = entry.getValue().shape();
            if (saved == null || !saved.isMatrix(shape[0], shape[1])) {
                return false;
            }
        }
        base.fromRowMajor(state.get(BASE).values());
        coefficients.fromRowMajor(state.get(COEFFICIENTS).values());
        if (expected.containsKey(SCALES)) {
            scale = state.get(SCALES).values()[0];
            velocityScale = state.get(SCALES).values()[1];
        }
        if (velocity != null) {
            velocity.fromRowMajor(state.get(VELOCITY).values());
        }
        rebase();
        return true;
    }

    private void rebase() {
        Blas.gemm(base, false, input, false, baseProduct, 1.0, 0.0);
        baseSquares = Blas.dot(base, base);
    }

    private static NumpyArray rowMajor(Dense matrix) {
        return new NumpyArray(new int[] {matrix.rows(), matrix.columns()}, matrix.toRowMajor(),
                matrix.precision() == Precision.FLOAT32);
    }
}
