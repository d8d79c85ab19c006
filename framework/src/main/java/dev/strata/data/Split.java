package dev.strata.data;

import dev.strata.engine.Inputs;

/**
 * One split ready for the engine.
 *
 * @param name {@code train} or {@code test}
 * @param inputs the features in native memory and the targets the loss compares with
 * @param labels the label of each example as read
 * @param exampleShape the shape of one example as read (e.g. 64 × 64 × 3)
 */
public record Split(String name, Inputs inputs, double[] labels, int[] exampleShape) {
    public int count() {
        return inputs.count();
    }

    /** The label of example {@code i} as read. */
    public double label(int i) {
        return labels[i];
    }

    /** Example {@code i}'s features as read, before scaling (an image's pixel values). */
    public double[] raw(int i) {
        return inputs.raw(i);
    }

    /** Closes the file a streamed split reads from. */
    public void close() {
        inputs.close();
    }

    /** This split read through {@code transform} ({@code null}: this split). */
    public Split normalized(dev.strata.engine.Normalizer transform) {
        return transform == null ? this : new Split(name, inputs.normalized(transform), labels, exampleShape);
    }

    public int width() {
        return inputs.width();
    }
}
