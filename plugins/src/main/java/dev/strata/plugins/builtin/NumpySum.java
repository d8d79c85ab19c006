package dev.strata.plugins.builtin;

/**
 * numpy's pairwise summation ({@code np.sum} over a contiguous float64 array), so that costs add up
 * in the same order, and round the same way, as the notebooks' {@code compute_cost}.
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
            // numpy's eight accumulators, in locals so that a cost allocates nothing
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int at = from + i;
                r0 += a[at];
                r1 += a[at + 1];
                r2 += a[at + 2];
                r3 += a[at + 3];
                r4 += a[at + 4];
                r5 += a[at + 5];
                r6 += a[at + 6];
                r7 += a[at + 7];
            }
            double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
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
