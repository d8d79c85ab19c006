package dev.strata.engine;

import java.util.Arrays;

/**
 * A per-feature affine transform {@code (x - shift) / divisor}, applied after {@code scale} as each
 * batch is converted: {@code standardize} (sklearn's StandardScaler: mean and population standard
 * deviation) or {@code min_max} (sklearn's MinMaxScaler into [0, 1]), fitted on the training
 * examples only. A feature whose deviation or range is 0 gets divisor 1, as sklearn does.
 */
public record Normalizer(double[] shift, double[] divisor) {
    public Normalizer {
        if (shift.length != divisor.length) {
            throw new IllegalArgumentException(shift.length + " shifts, " + divisor.length + " divisors");
        }
        for (int i = 0; i < shift.length; i++) {
            if (!Double.isFinite(shift[i]) || !(divisor[i] > 0) || !Double.isFinite(divisor[i])) {
                throw new IllegalArgumentException("feature " + i + ": shift " + shift[i] + ", divisor " + divisor[i]
                        + " (the divisor must be finite and > 0)");
            }
        }
        shift = shift.clone();
        divisor = divisor.clone();
    }

    public int width() {
        return shift.length;
    }

    void apply(double[] into, int offset) {
        for (int i = 0; i < shift.length; i++) {
            into[offset + i] = (into[offset + i] - shift[i]) / divisor[i];
        }
    }

    /** Mean and population standard deviation of each feature (two passes, as numpy's mean and var). */
    public static Normalizer standardize(Inputs data) {
        int width = data.width();
        int m = data.count();
        double[] mean = new double[width];
        forEach(data, (x, offset) -> {
            for (int i = 0; i < width; i++) {
                mean[i] += x[offset + i];
            }
        });
        for (int i = 0; i < width; i++) {
            mean[i] /= m;
        }
        double[] squares = new double[width];
        forEach(data, (x, offset) -> {
            for (int i = 0; i < width; i++) {
                double d = x[offset + i] - mean[i];
                squares[i] += d * d;
            }
        });
        double[] std = new double[width];
        for (int i = 0; i < width; i++) {
            std[i] = Math.sqrt(squares[i] / m);
            std[i] = std[i] > 0 ? std[i] : 1.0;
        }
        return new Normalizer(mean, std);
    }

    /** Minimum and range of each feature. */
    public static Normalizer minMax(Inputs data) {
        int width = data.width();
        double[] min = new double[width];
        double[] max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        forEach(data, (x, offset) -> {
            for (int i = 0; i < width; i++) {
                min[i] = Math.min(min[i], x[offset + i]);
                max[i] = Math.max(max[i], x[offset + i]);
            }
        });
        double[] range = new double[width];
        for (int i = 0; i < width; i++) {
            range[i] = max[i] - min[i] > 0 ? max[i] - min[i] : 1.0;
        }
        return new Normalizer(min, range);
    }

    private interface Visitor {
        void visit(double[] values, int offset);
    }

    /** Every example's scaled values, in blocks of up to 4,096 examples (read from disk when streamed). */
    private static void forEach(Inputs data, Visitor visitor) {
        int width = data.width();
        int block = Math.max(1, Math.min(4096, (1 << 20) / width));
        double[] stage = new double[block * width];
        for (int from = 0; from < data.count(); from += block) {
            int n = Math.min(block, data.count() - from);
            data.stage(from, n, stage);
            for (int j = 0; j < n; j++) {
                visitor.visit(stage, j * width);
            }
        }
    }
}
