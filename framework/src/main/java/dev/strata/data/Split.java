package dev.strata.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One split ready for the engine.
 *
 * @param name {@code train} or {@code test}
 * @param x features × examples, column-major: each example's features contiguous, the layout the
 *     first layer's GEMM reads fastest
 * @param y outputs × examples: labels (one row), or one-hot classes (one row per class)
 * @param labels the label of each example as read
 * @param exampleShape the shape of one example as read (e.g. 64 × 64 × 3)
 * @param rawFeatures the features as read, before scaling, kept only where they are shown (the
 *     test split's images); {@code null} otherwise, so the training set is not held twice
 */
public record Split(String name, INDArray x, INDArray y, double[] labels, int[] exampleShape, double[] rawFeatures) {
    public int count() {
        return (int) x.columns();
    }

    /** The label of example {@code i} as read. */
    public double label(int i) {
        return labels[i];
    }

    public int width() {
        return (int) x.rows();
    }
}
