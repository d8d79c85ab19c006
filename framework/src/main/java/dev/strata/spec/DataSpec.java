package dev.strata.spec;

import dev.strata.spi.Params;

/**
 * {@code data:} the format (a data-source plugin) and the validated parameters of each block;
 * path parameters are resolved to absolute paths.
 *
 * @param test {@code null} when the spec has no test split
 * @param classNames {@code null} when the spec names no class names
 * @param cache whether the examples are read into memory or streamed from disk as training goes
 */
public record DataSpec(String format, Params train, Params test, Params classNames, Preprocessing preprocessing,
        Cache cache) {
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
