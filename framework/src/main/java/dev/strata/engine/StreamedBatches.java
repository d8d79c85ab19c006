package dev.strata.engine;

import dev.strata.spi.RandomStream;
import dev.strata.spi.StrataException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Minibatches of examples read from disk as training goes ({@code data.cache: stream}). The
 * examples are cut into blocks of consecutive examples of about {@link #BLOCK_BYTES} and the blocks
 * into windows of {@link #WINDOW_BLOCKS}. A shuffled epoch draws, from the run's random stream, a
 * permutation of the blocks, then for each window of that order a permutation of its examples:
 * the epoch's example order, reproducible from the seed and, since the stream's state is
 * checkpointed at epoch ends, resumable exactly. Unshuffled, the order is the file's.
 *
 * <p>A reader thread loads the window the next batch needs and the one after it, so at most two
 * windows (about 2 × {@link #BLOCK_BYTES} × {@link #WINDOW_BLOCKS} of stored values) are in
 * memory, and the disk works while the previous batch trains. A bad value found by the reader is
 * reported by the batch that needs it.
 */
final class StreamedBatches extends Batches {
    /** Stored bytes per block: one sequential read. */
    static final long BLOCK_BYTES = 4L << 20;
    /** Blocks per window: the span an example may move within an epoch, beyond the block order. */
    static final int WINDOW_BLOCKS = 16;

    private final Inputs data;
    private final StreamedFeatures source;
    private final Precision precision;
    private final int batchSize;
    private final boolean shuffle;
    private final RandomStream random;
    private final int examples;
    private final int blockSize;
    private final int blocks;
    private final int windows;
    private final ExecutorService reader;
    /** This epoch's blocks in order, and each window's first position in the example order. */
    private int[] blockOrder;
    private int[] order;
    /** The slot of every block in its window, and the window holding it, for this epoch. */
    private final int[] slotOf;
    private final int[] windowOf;
    private final Future<Features[]>[] loading;
    private double[] stage;
    private Dense batchBuffer;
    private Dense tailBuffer;

    @SuppressWarnings("unchecked")
    StreamedBatches(Inputs data, Precision precision, int batchSize, boolean shuffle, RandomStream random) {
        this.data = data;
        this.source = data.streamedFeatures();
        this.precision = precision;
        this.examples = data.count();
        this.batchSize = Math.min(batchSize, examples);
        this.shuffle = shuffle;
        this.random = random;
        long perExample = Math.max(1, source.bytes() / Math.max(1, examples));
        this.blockSize = (int) Math.max(1, Math.min(examples, BLOCK_BYTES / perExample));
        this.blocks = (examples + blockSize - 1) / blockSize;
        this.windows = (blocks + WINDOW_BLOCKS - 1) / WINDOW_BLOCKS;
        this.slotOf = new int[blocks];
        this.windowOf = new int[blocks];
        this.loading = new Future[windows];
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "strata-data-reader");
            t.setDaemon(true);
            return t;
        });
        this.order = identity(examples);
        this.blockOrder = identity(blocks);
        place();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    @Override
    int count() {
        return (examples + batchSize - 1) / batchSize;
    }

    @Override
    int examples() {
        return examples;
    }

    @Override
    boolean fullBatch() {
        return false;
    }

    @Override
    Dense all() {
        throw new IllegalStateException("streamed data has no full batch");
    }

    @Override
    Dense allForWeights() {
        return all();
    }

    /** Draws the epoch's order (when shuffling) and starts reading its first window. */
    @Override
    void beginEpoch() {
        for (int w = 0; w < windows; w++) {
            if (loading[w] != null) {
                loading[w].cancel(false);
                loading[w] = null;
            }
        }
        if (shuffle) {
            blockOrder = random.permutation(blocks);
            order = new int[examples];
            int position = 0;
            for (int w = 0; w < windows; w++) {
                int windowStart = position;
                for (int k = w * WINDOW_BLOCKS; k < Math.min(blocks, (w + 1) * WINDOW_BLOCKS); k++) {
                    int block = blockOrder[k];
                    for (int e = block * blockSize; e < Math.min(examples, (block + 1) * blockSize); e++) {
                        order[position++] = e;
                    }
                }
                int[] within = random.permutation(position - windowStart);
                int[] window = java.util.Arrays.copyOfRange(order, windowStart, position);
                for (int i = 0; i < within.length; i++) {
                    order[windowStart + i] = window[within[i]];
                }
            }
            place();
        }
        load(0);
    }

    private void place() {
        for (int k = 0; k < blocks; k++) {
            windowOf[blockOrder[k]] = k / WINDOW_BLOCKS;
            slotOf[blockOrder[k]] = k % WINDOW_BLOCKS;
        }
    }

    private void load(int w) {
        if (w < windows && loading[w] == null) {
            int[] its = java.util.Arrays.copyOfRange(blockOrder, w * WINDOW_BLOCKS, Math.min(blocks,
                    (w + 1) * WINDOW_BLOCKS));
            loading[w] = reader.submit(() -> {
                Features[] slots = new Features[its.length];
                for (int s = 0; s < its.length; s++) {
                    int first = its[s] * blockSize;
                    slots[s] = source.range(first, Math.min(blockSize, examples - first));
                }
                return slots;
            });
        }
    }

    /** Window {@code w}'s blocks, waiting for the reader; starts reading the next window. */
    private Features[] window(int w) {
        load(w);
        load(w + 1);
        for (int old = 0; old < w; old++) {
            loading[old] = null;
        }
        try {
            return loading[w].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading data", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StrataException || cause instanceof UncheckedIOException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("reading data failed: " + cause, cause);
        }
    }

    @Override
    int width(int batch) {
        return Math.min(examples, (batch + 1) * batchSize) - batch * batchSize;
    }

    @Override
    Dense x(int batch) {
        int begin = batch * batchSize;
        int width = width(batch);
        int features = data.width();
        if (stage == null) {
            stage = new double[features];
        }
        Dense buffer = width == batchSize ? batchBuffer : tailBuffer;
        if (buffer == null) {
            buffer = Dense.zeros(precision, features, width, 'f');
            if (width == batchSize) {
                batchBuffer = buffer;
            } else {
                tailBuffer = buffer;
            }
        }
        Features[] current = null;
        int currentWindow = -1;
        for (int j = 0; j < width; j++) {
            int example = order[begin + j];
            int block = example / blockSize;
            if (windowOf[block] != currentWindow) {
                currentWindow = windowOf[block];
                current = window(currentWindow);
            }
            current[slotOf[block]].copy(example - block * blockSize, stage, 0);
            buffer.write((long) j * features, stage, features);
        }
        return buffer;
    }

    @Override
    Dense xForWeights(int batch, Dense batchX) {
        return batchX;
    }

    @Override
    void targets(int batch, double[] into) {
        int outputs = data.outputs();
        double[] y = data.y();
        int begin = batch * batchSize;
        for (int j = 0; j < width(batch); j++) {
            System.arraycopy(y, order[begin + j] * outputs, into, j * outputs, outputs);
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
