package dev.strata.engine;

import dev.strata.spi.StoredFeatures;

/**
 * Examples' features held in memory in the type they were stored in (bytes stay bytes), example by
 * example ({@code width} contiguous values each), and converted to training values only when a
 * batch is read: {@code value / scale}, the notebooks' {@code x / 255}, in double. So a data set
 * costs its stored size, not eight bytes per value, and the conversion of a batch is one pass.
 * Values are kept in chunks of whole examples, so a data set may hold more than 2³¹ values.
 */
public abstract sealed class Features permits Features.Doubles, Features.Floats, Features.UnsignedBytes {
    final int width;
    final int count;
    final int perChunk;
    final double scale;
    /** Applied after {@code scale}, or {@code null}. */
    Normalizer normalizer;

    private Features(StoredFeatures stored, int count, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, not " + scale);
        }
        this.width = stored.width();
        this.count = Math.min(count, stored.count());
        this.perChunk = stored.perChunk();
        this.scale = scale;
    }

    /** The stored values, read as {@code value / scale}. */
    public static Features of(StoredFeatures stored, double scale) {
        return of(stored, stored.count(), scale);
    }

    private static Features of(StoredFeatures stored, int count, double scale) {
        if (stored instanceof StoredFeatures.Float64 f) {
            return new Doubles(f, count, scale);
        }
        if (stored instanceof StoredFeatures.Float32 f) {
            return new Floats(f, count, scale);
        }
        return new UnsignedBytes((StoredFeatures.UInt8) stored, count, scale);
    }

    /** Doubles in one array, {@code values[i * width + f]}. */
    public static Features ofDoubles(double[] values, int width, double scale) {
        return of(StoredFeatures.of(values, width), scale);
    }

    public int width() {
        return width;
    }

    public int count() {
        return count;
    }

    /** The memory the stored values take, in bytes. */
    public long bytes() {
        return (long) width * count * valueBytes();
    }

    abstract int valueBytes();

    /** The stored type's name: float64, float32 or uint8. */
    public abstract String storedType();

    /** The index (example × width + feature) of the first value that is not finite, or −1. */
    public long firstNonFinite() {
        for (int e = 0; e < count; e++) {
            for (int i = 0; i < width; i++) {
                if (!Double.isFinite(stored(e, i))) {
                    return (long) e * width + i;
                }
            }
        }
        return -1;
    }

    /** {@code into[offset .. offset + width)} := example {@code example}'s training values. */
    final void copy(int example, double[] into, int offset) {
        convert(example, into, offset);
        if (normalizer != null) {
            normalizer.apply(into, offset);
        }
    }

    /** {@code into[offset .. offset + width)} := example {@code example}'s values divided by {@code scale}. */
    abstract void convert(int example, double[] into, int offset);

    /** The same examples read through {@code transform} after {@code scale} (sharing the stored values). */
    public Features normalized(Normalizer transform) {
        if (transform != null && transform.width() != width) {
            throw new IllegalArgumentException("a transform of " + transform.width() + " features for " + width);
        }
        Features out = of(stored(), count, scale);
        out.normalizer = transform;
        return out;
    }

    /** Example {@code example}'s stored values, unscaled (for showing an image). */
    public double[] raw(int example) {
        double[] out = new double[width];
        for (int i = 0; i < width; i++) {
            out[i] = stored(example, i);
        }
        return out;
    }

    /** One stored value as a number, unscaled. */
    private double stored(int example, int feature) {
        return stored().value(example, feature);
    }

    /** The stored values this reads. */
    abstract StoredFeatures stored();

    /** The first {@code m} examples, sharing the stored values. */
    public Features first(int m) {
        Features out = of(stored(), m, scale);
        out.normalizer = normalizer;
        return out;
    }

    /** Examples {@code [begin, begin + n)} into {@code into}, example after example (width × n, column-major). */
    void range(int begin, int n, double[] into) {
        for (int j = 0; j < n; j++) {
            copy(begin + j, into, j * width);
        }
    }

    static final class Doubles extends Features {
        private final StoredFeatures.Float64 stored;
        private final double[][] chunks;

        Doubles(StoredFeatures.Float64 stored, int count, double scale) {
            super(stored, count, scale);
            this.stored = stored;
            this.chunks = stored.chunks();
        }

        @Override
        void convert(int example, double[] into, int offset) {
            double[] chunk = chunks[example / perChunk];
            int from = (example % perChunk) * width;
            if (scale == 1.0) {
                System.arraycopy(chunk, from, into, offset, width);
                return;
            }
            // Divide, as the notebooks do (x / 255): multiplying by 1/255 differs in the last bit.
            for (int i = 0; i < width; i++) {
                into[offset + i] = chunk[from + i] / scale;
            }
        }

        @Override
        int valueBytes() {
            return 8;
        }

        @Override
        public String storedType() {
            return "float64";
        }

        @Override
        StoredFeatures stored() {
            return stored;
        }
    }

    static final class Floats extends Features {
        private final StoredFeatures.Float32 stored;
        private final float[][] chunks;

        Floats(StoredFeatures.Float32 stored, int count, double scale) {
            super(stored, count, scale);
            this.stored = stored;
            this.chunks = stored.chunks();
        }

        @Override
        void convert(int example, double[] into, int offset) {
            float[] chunk = chunks[example / perChunk];
            int from = (example % perChunk) * width;
            for (int i = 0; i < width; i++) {
                into[offset + i] = chunk[from + i] / scale;
            }
        }

        @Override
        int valueBytes() {
            return 4;
        }

        @Override
        public String storedType() {
            return "float32";
        }

        @Override
        StoredFeatures stored() {
            return stored;
        }
    }

    static final class UnsignedBytes extends Features {
        private final StoredFeatures.UInt8 stored;
        private final byte[][] chunks;
        /** Every byte's training value, {@code b / scale}: one lookup per value instead of a division. */
        private final double[] values = new double[256];

        UnsignedBytes(StoredFeatures.UInt8 stored, int count, double scale) {
            super(stored, count, scale);
            this.stored = stored;
            this.chunks = stored.chunks();
            for (int b = 0; b < 256; b++) {
                values[b] = b / scale;
            }
        }

        @Override
        void convert(int example, double[] into, int offset) {
            byte[] chunk = chunks[example / perChunk];
            int from = (example % perChunk) * width;
            for (int i = 0; i < width; i++) {
                into[offset + i] = values[chunk[from + i] & 0xFF];
            }
        }

        @Override
        int valueBytes() {
            return 1;
        }

        @Override
        public String storedType() {
            return "uint8";
        }

        @Override
        public long firstNonFinite() {
            return -1;
        }

        @Override
        StoredFeatures stored() {
            return stored;
        }
    }
}
