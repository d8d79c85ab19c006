package dev.strata.engine;

/** The floating-point type of a run's arrays. float64 reproduces the notebooks' numbers; float32 is faster. */
public enum Precision {
    FLOAT64(8),
    FLOAT32(4);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per value. */
    public int bytes() {
        return bytes;
    }

    /** {@code value} as this precision stores it. */
    public double round(double value) {
        return this == FLOAT64 ? value : (float) value;
    }
}
