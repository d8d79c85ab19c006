package dev.strata.engine;

/**
 * A data split as the engine trains on it: features × examples in native memory (column-major:
 * each example's features contiguous, the layout the first layer's product reads fastest), and the
 * targets as outputs × examples in column order in a Java array.
 */
public final class Inputs {
    private final Dense x;
    private final double[] y;
    private final int outputs;

    private Inputs(Dense x, double[] y, int outputs) {
        if ((long) outputs * x.columns() != y.length) {
            throw new IllegalArgumentException(y.length + " targets for " + x.columns() + " examples of " + outputs
                    + " outputs");
        }
        this.x = x;
        this.y = y;
        this.outputs = outputs;
    }

    /**
     * Inputs from features given example by example ({@code features[i * width + f]}, example-major,
     * which is column-major features × examples) and targets in column order.
     */
    public static Inputs of(Precision precision, int width, int count, FeatureSource features, double[] y, int outputs) {
        Dense x = Dense.zeros(precision, width, count, 'f');
        int chunk = 1 << 16;
        double[] buffer = new double[chunk];
        long total = (long) width * count;
        for (long start = 0; start < total; start += chunk) {
            int n = (int) Math.min(chunk, total - start);
            features.fill(start, buffer, n);
            x.write(start, buffer, n);
        }
        return new Inputs(x, y, outputs);
    }

    /** Values of the features in example-major order, a chunk at a time. */
    @FunctionalInterface
    public interface FeatureSource {
        /** {@code into[0 .. n)} := values {@code [from, from + n)}. */
        void fill(long from, double[] into, int n);
    }

    Dense x() {
        return x;
    }

    double[] y() {
        return y;
    }

    public int outputs() {
        return outputs;
    }

    public int count() {
        return x.columns();
    }

    public int width() {
        return x.rows();
    }

    /** The first {@code m} examples, sharing memory. */
    public Inputs first(int m) {
        double[] head = java.util.Arrays.copyOf(y, m * outputs);
        return new Inputs(x.columns(0, m), head, outputs);
    }

    /** The targets, outputs × examples in column order; a copy. */
    public double[] targets() {
        return y.clone();
    }
}
