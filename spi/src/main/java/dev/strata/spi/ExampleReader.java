package dev.strata.spi;

import java.io.IOException;

/**
 * One split opened for reading its examples in ranges, for data sets larger than memory
 * ({@code data.cache: stream}): the engine reads blocks of consecutive examples, in a shuffled
 * order, on a background thread, while it trains on the previous ones. Labels are read whole when
 * the split is opened (they are small); features only by {@link #read}.
 *
 * <p>Lifetime: opened by {@link DataSource#open} once per split and run, closed by the engine when
 * the run ends. {@link #read} is called from one thread at a time (the engine's reader thread),
 * never concurrently. A value found bad inside a range (not a number, out of range) is a
 * {@link BadInputException} naming the file and the example or row.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public interface ExampleReader extends AutoCloseable {
    /** The number of examples. */
    int count();

    /** The shape of one example, as in {@link Examples#exampleShape()}. */
    int[] exampleShape();

    /** One label per example. */
    double[] labels();

    /** For labels read as text, the text of each code in {@link #labels()}; {@code null} (the default) for numbers. */
    default java.util.List<String> labelNames() {
        return null;
    }

    /** The name of each feature, as in {@link Examples#featureNames()}; {@code null} (the default) where the format names none. */
    default java.util.List<String> featureNames() {
        return null;
    }

    /** The bytes one example takes in its stored type, for deciding whether the split fits in memory. */
    long bytesPerExample();

    /** Examples {@code [first, first + n)} in their stored type (one chunk is enough). */
    StoredFeatures read(int first, int n) throws IOException;

    /** Every example, for reading the split into memory. */
    default Examples readAll() throws IOException {
        return new Examples(read(0, count()), exampleShape(), labels(), labelNames(), featureNames());
    }

    @Override
    void close() throws IOException;
}
