package dev.strata.plugins.builtin;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One reusable work array: allocated on first use, then handed back as long as the shape and data
 * type stay the same (the engine calls with the same buffers every iteration). Not thread-safe.
 */
final class Scratch {
    private INDArray array;

    /** An array with {@code template}'s shape, data type and memory order; its contents are undefined. */
    INDArray like(INDArray template) {
        if (array == null || array.dataType() != template.dataType() || !array.equalShapes(template)
                || array.ordering() != template.ordering()) {
            array = Nd4j.createUninitialized(template.dataType(), template.shape(), template.ordering());
        }
        return array;
    }

    /** A vector of {@code length} in {@code template}'s data type. */
    INDArray vector(INDArray template, long length) {
        if (array == null || array.dataType() != template.dataType() || array.length() != length
                || array.rank() != 1) {
            array = Nd4j.createUninitialized(template.dataType(), length);
        }
        return array;
    }
}
