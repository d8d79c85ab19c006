package dev.strata.engine;

/**
 * The running training metric of one batch, summed over an epoch and shown beside its cost: the
 * batch's correct predictions for class labels, its summed squared error for value labels.
 */
final class BatchMetric {
    private BatchMetric() {
    }

    /**
     * The batch's correct predictions (class labels), or its sum of squared errors (value labels):
     * {@code a} and {@code y} hold {@code units} values per example, examples one after another; a NaN
     * {@code threshold} means value labels.
     */
    static double of(double[] a, double[] y, int width, int units, double threshold) {
        double sum = 0;
        if (Double.isNaN(threshold)) {
            for (int i = 0; i < width * units; i++) {
                double e = a[i] - y[i];
                sum += e * e;
            }
            return sum / units;
        }
        for (int j = 0; j < width; j++) {
            int base = j * units;
            if (units == 1) {
                sum += (a[base] > threshold) == (y[base] > 0.5) ? 1 : 0;
            } else {
                int best = 0;
                for (int k = 1; k < units; k++) {
                    best = a[base + k] > a[base + best] ? k : best;
                }
                sum += y[base + best] > 0.5 ? 1 : 0;
            }
        }
        return sum;
    }
}
