package dev.strata.data;

import dev.strata.spi.Examples;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One split ready for the engine.
 *
 * @param name {@code train} or {@code test}
 * @param x features × examples, column-major: each example's features contiguous, the layout the
 *     first layer's GEMM reads fastest
 * @param y outputs × examples: labels (one row), or one-hot classes (one row per class)
 * @param raw the examples as the data source read them (for image grids and exports)
 */
public record Split(String name, INDArray x, INDArray y, Examples raw) {
    public int count() {
        return (int) x.columns();
    }

    /** The label of example {@code i} as read. */
    public double label(int i) {
        return raw.labels()[i];
    }
}
