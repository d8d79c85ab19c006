package dev.strata.spi;

import java.util.List;

import java.util.Arrays;

/**
 * Examples as a data source reads them, before preprocessing.
 *
 * @param features the feature values in their stored type, example after example, each laid out
 *     row-major in {@code exampleShape}
 * @param exampleShape the shape of one example (e.g. 64 × 64 × 3 for an RGB image); its product is
 *     the width
 * @param labels one label per example (a class index for classification losses)
 * @param labelNames for labels read as text: the text of each code, {@code labels[i]} indexing it (in
 *     any order: the engine orders classes); {@code null} when labels were numbers
 * @param featureNames the name of each feature, in order, where the format names them (a CSV's
 *     header without the label column), else {@code null}: the engine checks that every split, and
 *     the data a saved model predicts, has the training data's columns in the training data's order
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Examples(StoredFeatures features, int[] exampleShape, double[] labels, List<String> labelNames,
        List<String> featureNames) {
    public Examples(StoredFeatures features, int[] exampleShape, double[] labels) {
        this(features, exampleShape, labels, null, null);
    }

    public Examples(StoredFeatures features, int[] exampleShape, double[] labels, List<String> labelNames) {
        this(features, exampleShape, labels, labelNames, null);
    }

    public Examples {
        labelNames = labelNames == null ? null : List.copyOf(labelNames);
        featureNames = featureNames == null ? null : List.copyOf(featureNames);
        if (featureNames != null && featureNames.size() != features.width()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for features of width "
                    + features.width());
        }
        exampleShape = exampleShape.clone();
        if (width(exampleShape) != features.width()) {
            throw new IllegalArgumentException("features of width " + features.width() + " for examples of shape "
                    + Arrays.toString(exampleShape));
        }
        if (labels.length != features.count()) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.count() + " examples");
        }
    }

    /**
     * Examples from doubles in one array, {@code count × width} row-major: example {@code i}'s
     * values are {@code features[i * width .. (i + 1) * width)}.
     */
    public Examples(double[] features, int count, int[] exampleShape, double[] labels) {
        this(StoredFeatures.of(requireLength(features, count, exampleShape), width(exampleShape)), exampleShape,
                labels);
    }

    private static int width(int[] exampleShape) {
        long width = 1;
        for (int d : exampleShape) {
            width *= d;
        }
        return Math.toIntExact(width);
    }

    private static double[] requireLength(double[] features, int count, int[] exampleShape) {
        if ((long) count * width(exampleShape) != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values, expected " + count
                    + " examples of shape " + Arrays.toString(exampleShape));
        }
        return features;
    }

    public int count() {
        return features.count();
    }

    /** The number of values per example. */
    public int width() {
        return features.width();
    }
}
