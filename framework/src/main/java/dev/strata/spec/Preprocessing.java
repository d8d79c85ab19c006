package dev.strata.spec;

/**
 * {@code data.preprocessing:} how raw features become network inputs.
 *
 * @param flatten flatten each example to one column (required for dense layers; default true)
 * @param scale divide every feature by this (255 for 8-bit pixels; default 1)
 */
public record Preprocessing(boolean flatten, double scale) {
    public static final Preprocessing NONE = new Preprocessing(true, 1.0);
}
