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
 * Weights and their gradients follow {@link #weightOrder}; activations and inputs are column-major
 * (one contiguous column per example).
 */
final class Layout {
    private Layout() {
    }

    /** The order of weight matrices and their gradients. */
    static char weightOrder(Precision precision) {
        return precision == Precision.FLOAT64 ? 'c' : 'f';
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
