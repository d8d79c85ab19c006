package dev.strata.engine;

import dev.strata.spi.BadInputException;
import dev.strata.spi.ExampleReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A split's features left on disk and read in ranges of examples ({@code data.cache: stream}),
 * converted like {@link Features} ({@code value / scale}) and checked finite as each range arrives.
 * The reader is shared by views ({@link #first}); closing any closes it.
 */
public final class StreamedFeatures implements AutoCloseable {
    private final ExampleReader reader;
    private final int width;
    private final int count;
    private final double scale;
    private final String where;
    private final Normalizer normalizer;

    /**
     * @param where what a bad value's message names first (the spec's data block and file)
     */
    public StreamedFeatures(ExampleReader reader, double scale, String where) {
        this(reader, widthOf(reader.exampleShape()), reader.count(), scale, where, null);
    }

    private StreamedFeatures(ExampleReader reader, int width, int count, double scale, String where,
            Normalizer normalizer) {
        this.reader = reader;
        this.width = width;
        this.count = count;
        this.scale = scale;
        this.where = where;
        this.normalizer = normalizer;
    }

    /** The same examples read through {@code transform} after {@code scale}. */
    public StreamedFeatures normalized(Normalizer transform) {
        return new StreamedFeatures(reader, width, count, scale, where, transform);
    }

    private static int widthOf(int[] shape) {
        long width = 1;
        for (int d : shape) {
            width *= d;
        }
        return Math.toIntExact(width);
    }

    public int width() {
        return width;
    }

    public int count() {
        return count;
    }

    /** The stored bytes of every example. */
    public long bytes() {
        return reader.bytesPerExample() * count;
    }

    /** The first {@code m} examples, reading from the same file. */
    public StreamedFeatures first(int m) {
        return new StreamedFeatures(reader, width, Math.min(m, count), scale, where, normalizer);
    }

    /** Examples {@code [first, first + n)}, read now, as in-memory features whose example 0 is {@code first}. */
    Features range(int first, int n) {
        if (first < 0 || n < 0 || first + n > count) {
            throw new IllegalArgumentException("examples [" + first + ", " + (first + n) + ") of " + count);
        }
        Features features;
        try {
            features = Features.of(reader.read(first, n), scale);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": reading examples " + first + " to " + (first + n - 1)
                    + " failed: " + e.getMessage(), e);
        }
        long bad = features.firstNonFinite();
        if (bad >= 0) {
            int example = (int) (bad / width);
            throw new BadInputException(where + ": feature " + (bad % width) + " of example " + (first + example)
                    + " is " + features.raw(example)[(int) (bad % width)],
                    "remove or impute non-finite values before training");
        }
        return features.normalized(normalizer);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
