package dev.strata.engine;

/**
 * Batch normalisation of a layer's products before its activation (Ioffe and Szegedy; Keras'
 * {@code BatchNormalization} after a {@code Dense} layer): in training each unit's products are
 * normalised over the batch, {@code ẑ = (z − μ) / √(σ² + ε)}, then scaled by {@code γ} and shifted by
 * the layer's bias (which plays β, so the layer has no second shift); the running mean and
 * variance follow {@code r := momentum · r + (1 − momentum) · batch statistic} (the batch's
 * population variance, as Keras) and normalise in evaluation and prediction instead.
 */
final class BatchNorm {
    static final double MOMENTUM = 0.99;
    static final double EPSILON = 1e-3;

    final Parameter gamma;
    final double[] runningMean;
    final double[] runningVar;

    BatchNorm(int index, int units, Precision precision) {
        this.gamma = Parameter.bias("gamma" + index, units, precision);
        java.util.Arrays.fill(gamma.values(), 1.0);
        this.runningMean = new double[units];
        this.runningVar = new double[units];
        java.util.Arrays.fill(runningVar, 1.0);
    }

    /**
     * {@code z := γ ẑ} in place (units × m, column-major), keeping {@code ẑ} in {@code xhat} and
     * {@code 1/√(σ² + ε)} in {@code invStd}; batch statistics (updating the running ones) in
     * training, the running ones otherwise.
     */
    void normalize(double[] z, int units, int m, boolean training, double[] xhat, double[] invStd) {
        double[] g = gamma.values();
        for (int r = 0; r < units; r++) {
            double mean;
            double var;
            if (training) {
                double sum = 0;
                for (int j = 0, i = r; j < m; j++, i += units) {
                    sum += z[i];
                }
                mean = sum / m;
                double squares = 0;
                for (int j = 0, i = r; j < m; j++, i += units) {
                    double d = z[i] - mean;
                    squares += d * d;
                }
                var = squares / m;
                runningMean[r] = MOMENTUM * runningMean[r] + (1 - MOMENTUM) * mean;
                runningVar[r] = MOMENTUM * runningVar[r] + (1 - MOMENTUM) * var;
            } else {
                mean = runningMean[r];
                var = runningVar[r];
            }
            double inv = 1 / Math.sqrt(var + EPSILON);
            invStd[r] = inv;
            for (int j = 0, i = r; j < m; j++, i += units) {
                double h = (z[i] - mean) * inv;
                xhat[i] = h;
                z[i] = g[r] * h;
            }
        }
    }

    /**
     * From {@code d} = dJ/dy per example (y = γ ẑ + β), fills γ's gradient (the batch mean of
     * {@code d · ẑ}) and turns {@code d} into the per-example gradient of the products:
     * {@code γ/σ · (d − mean(d) − ẑ · mean(d ẑ))}.
     */
    void backward(double[] d, int units, int m, double[] xhat, double[] invStd) {
        double[] g = gamma.values();
        double[] dg = gamma.gradient();
        for (int r = 0; r < units; r++) {
            double sum = 0;
            double dot = 0;
            for (int j = 0, i = r; j < m; j++, i += units) {
                sum += d[i];
                dot += d[i] * xhat[i];
            }
            dg[r] = dot / m;
            double meanD = sum / m;
            double meanDx = dot / m;
            double scale = g[r] * invStd[r];
            for (int j = 0, i = r; j < m; j++, i += units) {
                d[i] = scale * (d[i] - meanD - xhat[i] * meanDx);
            }
        }
    }
}
