package dev.strata.spec;

/**
 * {@code data.preprocessing:} how raw features become network inputs.
 *
 * @param flatten flatten each example to one column (required for dense layers; default true)
 * @param scale divide every feature by this (255 for 8-bit pixels; default 1)
 * @param normalize a per-feature transform fitted on the training examples after {@code scale}, and
 *     saved with the model so that evaluation and prediction apply the same
 */
public record Preprocessing(boolean flatten, double scale, Normalize normalize) {
    public static final Preprocessing NONE = new Preprocessing(true, 1.0);

    public Preprocessing(boolean flatten, double scale) {
        this(flatten, scale, Normalize.NONE);
    }

    /** {@code standardize: true} or {@code min_max: true}. */
    public enum Normalize {
        NONE,
        /** {@code (x - mean) / std} per feature (a feature with std 0 is only centred). */
        STANDARDIZE,
        /** {@code (x - min) / (max - min)} per feature, into [0, 1] (a constant feature becomes 0). */
        MIN_MAX
    }
}
