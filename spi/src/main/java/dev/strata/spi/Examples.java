package dev.strata.spi;

import java.util.Arrays;

/**
 * Examples as a data source reads them, before preprocessing.
 *
 * @param features {@code count × width} values in row-major order: example {@code i}'s values are
 *     {@code features[i * width .. (i + 1) * width)}, each example laid out row-major in
 *     {@code exampleShape} (e.g. 64 × 64 × 3 for an RGB image)
 * @param count the number of examples
 * @param exampleShape the shape of one example; its product is the width
 * @param labels one label per example (a class index for classification losses)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Examples(double[] features, int count, int[] exampleShape, double[] labels) {
    public Examples {
        exampleShape = exampleShape.clone();
        long width = 1;
        for (int d : exampleShape) {
            width *= d;
        }
        if ((long) count * width != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected " + count
                    + " examples of shape " + Arrays.toString(exampleShape));
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " examples");
        }
    }

    /** The number of values per example. */
    public int width() {
        int width = 1;
        for (int d : exampleShape) {
            width *= d;
        }
        return width;
    }
}
