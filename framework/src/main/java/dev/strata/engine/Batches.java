package dev.strata.engine;

import dev.strata.spi.RandomStream;

/**
 * How an epoch's examples are cut into batches. Full batch is one batch of every example; in
 * minibatches, a shuffled epoch first draws a permutation of the examples from the run's random
 * stream ({@code np.random.permutation}), then gathers each batch's columns into a buffer (one
 * memory copy per example); unshuffled batches are views of the input, read without a copy.
 */
public final class Batches {
    private final Dense x;
    private final double[] y;
    private final int outputs;
    private final int examples;
    private final int batchSize;
    private final boolean shuffle;
    private final RandomStream random;
    private final Dense[] views;
    private final Dense fullBatchForWeights;
    private Dense gathered;
    private Dense gatheredTail;
    private int[] order;

    private Batches(Dense x, double[] y, int outputs, int batchSize, boolean shuffle, RandomStream random) {
        this.x = x;
        this.y = y;
        this.outputs = outputs;
        this.examples = x.columns();
        this.batchSize = Math.min(batchSize, examples);
        this.shuffle = shuffle && this.batchSize < examples;
        this.random = random;
        int count = (examples + this.batchSize - 1) / this.batchSize;
        this.views = new Dense[count];
        if (!this.shuffle) {
            for (int b = 0; b < count; b++) {
                views[b] = count == 1 ? x : x.columns(b * this.batchSize, end(b));
            }
        }
        this.fullBatchForWeights = count == 1 ? forWeights(x) : null;
    }

    /** Every example in one batch, every epoch (full-batch gradient descent). */
    public static Batches fullBatch(Inputs data) {
        return new Batches(data.x(), data.y(), data.outputs(), data.count(), false, null);
    }

    /** Batches of {@code batchSize}, reshuffled each epoch from {@code random} when {@code shuffle}. */
    public static Batches minibatches(Inputs data, int batchSize, boolean shuffle, RandomStream random) {
        return new Batches(data.x(), data.y(), data.outputs(), batchSize, shuffle, random);
    }

    /** Batches per epoch. */
    int count() {
        return views.length;
    }

    int examples() {
        return examples;
    }

    boolean fullBatch() {
        return views.length == 1;
    }

    /** The whole input (the Gram form reads it), and the same values in the layout its weight product reads fastest. */
    Dense all() {
        return x;
    }

    Dense allForWeights() {
        return fullBatchForWeights != null ? fullBatchForWeights : x;
    }

    /** Starts an epoch: draws its permutation when shuffling. */
    void beginEpoch() {
        if (shuffle) {
            order = random.permutation(examples);
        }
    }

    int width(int batch) {
        return end(batch) - batch * batchSize;
    }

    /** Batch {@code batch}'s inputs, features × width, column-major. */
    Dense x(int batch) {
        if (!shuffle) {
            return views[batch];
        }
        int begin = batch * batchSize;
        int width = width(batch);
        Dense buffer = width == batchSize ? gathered : gatheredTail;
        if (buffer == null) {
            buffer = Dense.zeros(x.precision(), x.rows(), width, 'f');
            if (width == batchSize) {
                gathered = buffer;
            } else {
                gatheredTail = buffer;
            }
        }
        for (int j = 0; j < width; j++) {
            buffer.copyColumn(x, order[begin + j], j);
        }
        return buffer;
    }

    /** What the first layer's weight gradient reads for this batch (a row-major copy of a full batch in float32). */
    Dense xForWeights(int batch, Dense batchX) {
        return fullBatchForWeights != null ? fullBatchForWeights : batchX;
    }

    /** Batch {@code batch}'s targets, outputs × width in column order, into {@code into}. */
    void targets(int batch, double[] into) {
        int begin = batch * batchSize;
        int width = width(batch);
        if (!shuffle) {
            System.arraycopy(y, begin * outputs, into, 0, width * outputs);
            return;
        }
        for (int j = 0; j < width; j++) {
            System.arraycopy(y, order[begin + j] * outputs, into, j * outputs, outputs);
        }
    }

    private int end(int batch) {
        return Math.min(examples, (batch + 1) * batchSize);
    }

    /**
     * The full-batch input in the layout the first layer's weight gradient reads fastest (see
     * {@link Layout}): a row-major copy where that pays, else X itself. X is read-only while
     * training, so both copies stay valid; the copy is skipped above 512 MB.
     */
    private static Dense forWeights(Dense x) {
        boolean copy = Layout.rowMajorInputForWeightGradient(x.precision())
                && x.size() * x.precision().bytes() <= (512L << 20);
        if (!copy) {
            return x;
        }
        Dense rowMajor = Dense.zeros(x.precision(), x.rows(), x.columns(), 'c');
        rowMajor.fromRowMajor(x.toRowMajor());
        return rowMajor;
    }
}
