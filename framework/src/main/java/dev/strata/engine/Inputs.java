package dev.strata.engine;

/**
 * A data split as the engine trains on it: the features, in memory in their stored type
 * ({@link Features}) or left on disk and read in ranges ({@link StreamedFeatures}), converted to the
 * run's precision one batch at a time; and the targets as outputs × examples in column order in a
 * Java array (they are small).
 */
public final class Inputs {
    private final Features features;
    private final StreamedFeatures streamed;
    private final double[] y;
    private final int outputs;

    public Inputs(Features features, double[] y, int outputs) {
        this(features, null, y, outputs);
    }

    public Inputs(StreamedFeatures streamed, double[] y, int outputs) {
        this(null, streamed, y, outputs);
    }

    private Inputs(Features features, StreamedFeatures streamed, double[] y, int outputs) {
        int count = features != null ? features.count() : streamed.count();
        if ((long) outputs * count != y.length) {
            throw new IllegalArgumentException(y.length + " targets for " + count + " examples of " + outputs
                    + " outputs");
        }
        this.features = features;
        this.streamed = streamed;
        this.y = y;
        this.outputs = outputs;
    }

    /** Whether the features are read from disk as training goes. */
    public boolean streamed() {
        return streamed != null;
    }

    /** The in-memory features (not for streamed inputs). */
    public Features features() {
        if (features == null) {
            throw new IllegalStateException("streamed inputs have no in-memory features");
        }
        return features;
    }

    StreamedFeatures streamedFeatures() {
        return streamed;
    }

    double[] y() {
        return y;
    }

    public int outputs() {
        return outputs;
    }

    public int count() {
        return features != null ? features.count() : streamed.count();
    }

    public int width() {
        return features != null ? features.width() : streamed.width();
    }

    /** Closes the file of streamed features. */
    public void close() {
        if (streamed != null) {
            try {
                streamed.close();
            } catch (java.io.IOException e) {
                // reading is over; nothing depends on closing cleanly
            }
        }
    }

    /** Example {@code i}'s stored values, unscaled (an image's pixels). */
    public double[] raw(int i) {
        return features != null ? features.raw(i) : streamed.range(i, 1).raw(0);
    }

    /** The first {@code m} examples, sharing the features. */
    public Inputs first(int m) {
        double[] head = java.util.Arrays.copyOf(y, m * outputs);
        return features != null ? new Inputs(features.first(m), head, outputs)
                : new Inputs(streamed.first(m), head, outputs);
    }

    /** The same examples and targets read through {@code transform} after {@code scale}. */
    public Inputs normalized(Normalizer transform) {
        return features != null ? new Inputs(features.normalized(transform), y, outputs)
                : new Inputs(streamed.normalized(transform), y, outputs);
    }

    /** Examples {@code [from, from + n)}'s training values into {@code stage}, example after example. */
    void stage(int from, int n, double[] stage) {
        if (features != null) {
            features.range(from, n, stage);
        } else {
            streamed.range(from, n).range(0, n, stage);
        }
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
     * through {@code stage} a whole number of examples at a time (read from disk that many at a
     * time when streamed).
     */
    void fill(int begin, int end, Dense into, double[] stage) {
        int chunk = stage.length / width();
        for (int from = begin; from < end; from += chunk) {
            int n = Math.min(chunk, end - from);
            stage(from, n, stage);
            into.write((long) (from - begin) * width(), stage, n * width());
        }
    }
}
