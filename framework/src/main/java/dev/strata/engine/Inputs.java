package dev.strata.engine;

/**
 * A data split as the engine trains on it: the features in their stored type ({@link Features}),
 * converted to the run's precision one batch at a time, and the targets as outputs × examples in
 * column order in a Java array.
 */
public final class Inputs {
    private final Features features;
    private final double[] y;
    private final int outputs;

    public Inputs(Features features, double[] y, int outputs) {
        if ((long) outputs * features.count() != y.length) {
            throw new IllegalArgumentException(y.length + " targets for " + features.count() + " examples of " + outputs
                    + " outputs");
        }
        this.features = features;
        this.y = y;
        this.outputs = outputs;
    }

    public Features features() {
        return features;
    }

    double[] y() {
        return y;
    }

    public int outputs() {
        return outputs;
    }

    public int count() {
        return features.count();
    }

    public int width() {
        return features.width();
    }

    /** The first {@code m} examples, sharing the features. */
    public Inputs first(int m) {
        double[] head = java.util.Arrays.copyOf(y, m * outputs);
        return new Inputs(features.first(m), head, outputs);
    }

    /** The targets, outputs × examples in column order; a copy. */
    public double[] targets() {
        return y.clone();
    }

    /** Examples {@code [begin, end)} as features × examples column-major in native memory, in {@code precision}. */
    Dense toNative(Precision precision, int begin, int end) {
        Dense x = Dense.zeros(precision, width(), end - begin, 'f');
        int chunk = Math.max(1, Math.min(end - begin, (1 << 20) / width()));
        fill(begin, end, x, new double[chunk * width()]);
        return x;
    }

    /**
     * {@code into} := examples {@code [begin, end)} (features × examples, column-major), converted
     * through {@code stage} a whole number of examples at a time.
     */
    void fill(int begin, int end, Dense into, double[] stage) {
        int chunk = stage.length / width();
        for (int from = begin; from < end; from += chunk) {
            int n = Math.min(chunk, end - from);
            features.range(from, n, stage);
            into.write((long) (from - begin) * width(), stage, n * width());
        }
    }
}
