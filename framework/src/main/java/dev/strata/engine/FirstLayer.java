package dev.strata.engine;

import dev.strata.io.NumpyArray;
import java.util.Map;

/**
 * How the first layer's product and weight update are computed: {@link Direct} ({@code W1 · X}, the
 * notebooks' form) or {@link InputGram} (through the input's Gram matrix). A form owns its state and
 * the checkpoint entries that continue it exactly; the training loop sees only this interface.
 */
interface FirstLayer {
    /** The name reports and the spec use: {@code direct} or {@code input_gram}. */
    String name();

    /** {@code z := W1 · X} for the batch {@code x} (before bias and activation). */
    void product(Dense x, Dense z);

    /** {@code dW1 := (1/m) dZ1 · Xᵀ} for the batch, into the weights' native gradient; nothing where this form never forms it. */
    void weightGradient(Dense dZ, Dense xForWeights, double invM);

    /** Whether the optimizer updates {@code W1} (the Gram form updates it itself). */
    boolean optimizerUpdatesWeights();

    /** After the optimizer's update with {@code learningRate}, given this step's {@code dZ1} over {@code m} examples. */
    void afterUpdate(Dense dZ, double learningRate, int m);

    /** Makes {@code W1} current (its Java values and native mirror), e.g. for a checkpoint or at the end. */
    void formWeights();

    /** What continues this form bit for bit beyond the parameters; live or copied, read-only. */
    Map<String, NumpyArray> state();

    /** Restores {@link #state()} of a checkpoint; whether it held this form's state (ignored otherwise). */
    boolean restore(Map<String, NumpyArray> state);

    /** {@code ‖W1‖²} at the weights of the last {@link #product} (the cost's L2 term). */
    double squaredNorm();

    /** {@code Σ v²} in index order, as the cost's L2 term has always summed a layer. */
    static double sumOfSquares(double[] values) {
        double squares = 0;
        for (double v : values) {
            squares += v * v;
        }
        return squares;
    }

    /** The notebooks' form: the first layer trained like every other. */
    final class Direct implements FirstLayer {
        private final Layer layer;

        Direct(Layer layer) {
            this.layer = layer;
        }

        @Override
        public String name() {
            return "direct";
        }

        @Override
        public void product(Dense x, Dense z) {
            Blas.gemm(layer.w().nativeValues(), false, x, false, z, 1.0, 0.0);
        }

        @Override
        public void weightGradient(Dense dZ, Dense xForWeights, double invM) {
            Blas.gemm(dZ, false, xForWeights, true, layer.w().nativeGradient(), invM, 0.0);
        }

        @Override
        public boolean optimizerUpdatesWeights() {
            return true;
        }

        @Override
        public void afterUpdate(Dense dZ, double learningRate, int m) {
        }

        @Override
        public void formWeights() {
        }

        @Override
        public Map<String, NumpyArray> state() {
            return Map.of();
        }

        @Override
        public boolean restore(Map<String, NumpyArray> state) {
            return true;
        }

        @Override
        public double squaredNorm() {
            return sumOfSquares(layer.w().values());
        }
    }
}
