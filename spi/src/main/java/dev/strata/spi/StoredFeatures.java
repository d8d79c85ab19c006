package dev.strata.spi;

/**
 * Examples' feature values as a data source stored them, before any scaling: example after example
 * ({@code width} values each, row-major within an example's shape), in chunks of {@code perChunk}
 * whole examples (the last chunk may hold fewer), so that a data set may hold more than 2³¹
 * values. The engine keeps them in this type and converts one batch at a time, so a source should
 * keep what the file holds: a uint8 image stays {@link UInt8}, four bytes of float stay
 * {@link Float32}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public sealed interface StoredFeatures permits StoredFeatures.Float64, StoredFeatures.Float32, StoredFeatures.UInt8 {
    /** Values per chunk at most (2³⁰): well inside a Java array. */
    int CHUNK_VALUES = 1 << 30;

    int width();

    int count();

    int perChunk();

    /** The memory the values take, in bytes. */
    long bytes();

    /** Feature {@code feature} of example {@code example} as a number, as stored (unscaled). */
    double value(int example, int feature);

    /** Every value, example after example, as doubles: for small data sets and tests. */
    default double[] toDoubles() {
        double[] out = new double[Math.toIntExact((long) width() * count())];
        for (int e = 0, i = 0; e < count(); e++) {
            for (int f = 0; f < width(); f++, i++) {
                out[i] = value(e, f);
            }
        }
        return out;
    }

    /** Whole examples per chunk for a width: as many as fit in {@link #CHUNK_VALUES}. */
    static int examplesPerChunk(int width) {
        return Math.max(1, CHUNK_VALUES / Math.max(1, width));
    }

    /** Doubles in one array, {@code values[i * width + f]}. */
    static StoredFeatures of(double[] values, int width) {
        int count = values.length / Math.max(1, width);
        return new Float64(count == 0 ? new double[0][] : new double[][] {values}, width, count, Math.max(1, count));
    }

    /** 8-byte floating point values. */
    record Float64(double[][] chunks, int width, int count, int perChunk) implements StoredFeatures {
        public Float64 {
            check(chunks, width, count, perChunk);
        }

        @Override
        public double value(int example, int feature) {
            return chunks[example / perChunk][(example % perChunk) * width + feature];
        }

        @Override
        public long bytes() {
            return 8L * width * count;
        }
    }

    /** 4-byte floating point values (also exact for 8- and 16-bit integers). */
    record Float32(float[][] chunks, int width, int count, int perChunk) implements StoredFeatures {
        public Float32 {
            check(chunks, width, count, perChunk);
        }

        @Override
        public double value(int example, int feature) {
            return chunks[example / perChunk][(example % perChunk) * width + feature];
        }

        @Override
        public long bytes() {
            return 4L * width * count;
        }
    }

    /** Unsigned bytes, 0 to 255: images as they are stored. */
    record UInt8(byte[][] chunks, int width, int count, int perChunk) implements StoredFeatures {
        public UInt8 {
            check(chunks, width, count, perChunk);
        }

        @Override
        public double value(int example, int feature) {
            return chunks[example / perChunk][(example % perChunk) * width + feature] & 0xFF;
        }

        @Override
        public long bytes() {
            return (long) width * count;
        }
    }

    /** Every chunk but the last holds exactly {@code perChunk} examples, the last the rest. */
    private static void check(Object[] arrays, int width, int count, int perChunk) {
        int chunks = arrays.length;
        if (width < 1 || count < 0 || perChunk < 1 || (long) perChunk * width > CHUNK_VALUES && perChunk > 1) {
            throw new IllegalArgumentException("stored features of width " + width + ", " + count + " examples, "
                    + perChunk + " per chunk");
        }
        int expected = (count + perChunk - 1) / perChunk;
        if (chunks != expected) {
            throw new IllegalArgumentException(count + " examples of " + perChunk + " per chunk need " + expected
                    + " chunks, not " + chunks);
        }
        for (int c = 0; c < chunks; c++) {
            long examples = c < chunks - 1 ? perChunk : count - (long) perChunk * (chunks - 1);
            int length = java.lang.reflect.Array.getLength(arrays[c]);
            if (length < examples * width) {
                throw new IllegalArgumentException("chunk " + c + " holds " + length + " values, fewer than "
                        + examples + " examples of width " + width);
            }
        }
    }
}
