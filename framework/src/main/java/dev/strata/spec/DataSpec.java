package dev.strata.spec;

import dev.strata.spi.Params;

/**
 * {@code data:} the format (a data-source plugin) and the validated parameters of each block;
 * path parameters are resolved to absolute paths.
 *
 * @param test {@code null} when the spec has no test split
 * @param classNames {@code null} when the spec names no class names
 * @param cache whether the examples are read into memory or streamed from disk as training goes
 * @param validation the validation block's format parameters (its own file), or {@code null}
 * @param validationSplit the fraction of the training examples held out for validation (stratified
 *     by class, drawn from the seed), 0 for none; never set together with {@code validation}
 */
public record DataSpec(String format, Params train, Params test, Params classNames, Preprocessing preprocessing,
        Cache cache, Params validation, double validationSplit) {
    public DataSpec(String format, Params train, Params test, Params classNames, Preprocessing preprocessing,
            Cache cache) {
        this(format, train, test, classNames, preprocessing, cache, null, 0);
    }

    /** Whether the spec has validation data, from a file or a split. */
    public boolean hasValidation() {
        return validation != null || validationSplit > 0;
    }

    /** {@code data.cache}. */
    public enum Cache {
        /** Read every example into memory (in its stored type). */
        MEMORY,
        /** Read examples from disk in blocks while training (minibatch training only). */
        STREAM,
        /** Memory, unless the training examples would take more than half the heap and training is in minibatches. */
        AUTO;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
