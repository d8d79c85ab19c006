package dev.strata.engine;

/**
 * Memory orders the engine uses, chosen per precision from measurements of the cat model's two
 * dominant products inside a training-like loop (W 20×12288, X 12288×209, two OpenBLAS 0.3.28
 * threads, milliseconds per iteration for {@code W·X} + {@code dZ·Xᵀ}):
 *
 * <pre>
 *                                   float64        float32
 *   W col-major, X col-major        2.09 + 2.83    0.93 + 1.23
 *   W col-major, X both orders      2.20 + 2.46    0.95 + 0.96   (X row-major for dZ·Xᵀ)
 *   W row-major, X col-major        2.03 + 1.66    0.99 + 1.39
 * </pre>
 *
 * On small layers the order decides which of a layer's products takes OpenBLAS's slower transposed
 * path (one thread, microseconds per product, {@code W·A}, {@code dZ·Aᵀ}, {@code Wᵀ·dZ}):
 *
 * <pre>
 *   W 64×64, batch 32       row-major  6.74 + 3.71 + 3.97    col-major  4.02 + 3.73 + 6.78
 *   W 32×64, batch 32       row-major  2.95 + 2.02 + 2.05    col-major  2.05 + 1.90 + 3.61
 *   W 256×784, batch 128    row-major  957 + 876 + 866       col-major  924 + 943 + 879
 * </pre>
 *
 * A hidden layer needs all three, so the orders tie; the first layer needs no {@code Wᵀ·dZ}, so a
 * small first layer is column-major. Weights and their gradients follow {@link #weightOrder};
 * activations and inputs are column-major (one contiguous column per example).
 */
final class Layout {
    private Layout() {
    }

    /** Weight matrices at most this large take the order their product reads fastest. */
    static final int SMALL_WEIGHTS = 1 << 14;

    /** The order of a weight matrix and its gradient: {@code rows × columns}, {@code first} for the first layer's. */
    static char weightOrder(Precision precision, int rows, int columns, boolean first) {
        if (precision != Precision.FLOAT64 || first && (long) rows * columns <= SMALL_WEIGHTS) {
            return 'f';
        }
        return 'c';
    }

    /** Whether the first layer's weight gradient reads a row-major copy of the input. */
    static boolean rowMajorInputForWeightGradient(Precision precision) {
        return precision != Precision.FLOAT64;
    }

    /** The transpose of a {@code rows × columns} row-major array, row-major ({@code columns × rows}). */
    static double[] transpose(double[] values, int rows, int columns) {
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = values[r * columns + c];
            }
        }
        return out;
    }
}
