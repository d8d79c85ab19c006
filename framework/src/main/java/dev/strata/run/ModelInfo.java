package dev.strata.run;

import dev.strata.spi.BadInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code model.json}: what the saved model's inputs look like, so that {@code evaluate} and
 * {@code predict} prepare new data the way training did.
 *
 * @param format the file's version (1)
 * @param inputShape the shape of one example as the data held it (e.g. 64 × 64 × 3)
 * @param inputScale what raw features are divided by
 * @param classNames one name per class, in class-index order
 * @param dtype the run's float type
 * @param inputShift what each feature has subtracted after scaling ({@code standardize}: the training
 *     mean; {@code min_max}: the minimum), or {@code null} for none
 * @param inputDivisor what each feature is then divided by, or {@code null} for none
 * @param featureNames the training data's feature names (a CSV's columns), or {@code null} where its
 *     format names none (and in model.json files written before they were kept)
 */
public record ModelInfo(int format, int[] inputShape, double inputScale, List<String> classNames, String dtype,
        double[] inputShift, double[] inputDivisor, List<String> featureNames) {
    public static final int FORMAT = 1;

    /** The fitted per-feature transform, or {@code null}. */
    public dev.strata.engine.Normalizer normalizer() {
        return inputShift == null ? null : new dev.strata.engine.Normalizer(inputShift, inputDivisor);
    }

    /** Refuses a model.json whose fields are missing or out of range, naming the file. */
    ModelInfo checked(Path file) {
        String problem = null;
        if (format != FORMAT) {
            problem = "format " + format + " (this Strata reads format " + FORMAT + ")";
        } else if (inputShape == null || inputShape.length == 0) {
            problem = "no input_shape";
        } else if (java.util.Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
            problem = "input_shape " + java.util.Arrays.toString(inputShape) + " with a dimension below 1";
        } else if (!(inputScale > 0) || !Double.isFinite(inputScale)) {
            problem = "input_scale " + inputScale + " (must be a finite number > 0)";
        } else if (classNames == null || classNames.isEmpty()) {
            problem = "no class_names";
        } else if (featureNames != null && featureNames.size()
                != java.util.Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b)) {
            problem = featureNames.size() + " feature_names for input_shape " + java.util.Arrays.toString(inputShape);
        } else if ((inputShift == null) != (inputDivisor == null)) {
            problem = "only one of input_shift and input_divisor";
        } else if (inputShift != null) {
            int width = java.util.Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
            if (inputShift.length != width || inputDivisor.length != width) {
                problem = "input_shift and input_divisor of " + inputShift.length + " and " + inputDivisor.length
                        + " values for " + width + " features";
            } else {
                try {
                    normalizer();
                } catch (IllegalArgumentException e) {
                    problem = "a bad input transform: " + e.getMessage();
                }
            }
        }
        if (problem != null) {
            throw new BadInputException(file + " has " + problem, "the run folder is damaged; train again");
        }
        return this;
    }
}
