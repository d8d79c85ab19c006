package dev.strata.engine;

import dev.strata.spi.RandomStream;

/**
 * How an epoch's examples are cut into batches, and where a batch's inputs come from: memory
 * ({@link MemoryBatches}: numpy's permutation of every example, exactly) or the disk
 * ({@link StreamedBatches}: a shuffled order of blocks and a shuffle within windows of blocks,
 * read ahead on a background thread). The training loop sees only this class.
 */
public abstract class Batches implements AutoCloseable {
    /** Every example in one batch, every epoch (full-batch gradient descent). */
    public static Batches fullBatch(Inputs data, Precision precision) {
        return new MemoryBatches(data, precision, data.count(), false, null);
    }

    /** Batches of {@code batchSize}, reshuffled each epoch from {@code random} when {@code shuffle}. */
    public static Batches minibatches(Inputs data, Precision precision, int batchSize, boolean shuffle,
            RandomStream random) {
        return data.streamed() && batchSize < data.count()
                ? new StreamedBatches(data, precision, batchSize, shuffle, random)
                : new MemoryBatches(data, precision, batchSize, shuffle, random);
    }

    /** Batches per epoch. */
    abstract int count();

    abstract int examples();

    abstract boolean fullBatch();

    /** The whole input of a full batch (the Gram form reads it). */
    abstract Dense all();

    /** The same values in the layout the first layer's weight product reads fastest. */
    abstract Dense allForWeights();

    /** Starts an epoch: draws its order when shuffling. */
    abstract void beginEpoch();

    abstract int width(int batch);

    /** Batch {@code batch}'s inputs, features × width, column-major. */
    abstract Dense x(int batch);

    /** What the first layer's weight gradient reads for this batch. */
    abstract Dense xForWeights(int batch, Dense batchX);

    /** Batch {@code batch}'s targets, outputs × width in column order, into {@code into}. */
    abstract void targets(int batch, double[] into);

    /** Stops any reading ahead (streamed batches); the data itself stays open. */
    @Override
    public void close() {
    }
}
