package dev.strata.plugins.builtin;

/**
 * numpy's pairwise summation ({@code np.sum} over a contiguous float64 array), so that costs add up
 * in the same order, and round the same way, as the seeds' {@code compute_cost}.
 */
final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** The sum of {@code values[0 .. n)}, as {@code np.sum} (which starts from the identity 0). */
    static double sum(double[] values, int n) {
        return 0.0 + pairwise(values, 0, n);
    }

    private static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += a[from + i + k];
                }
            }
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                sum += a[from + i];
            }
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(a, from, half) + pairwise(a, from + half, n - half);
    }
}
