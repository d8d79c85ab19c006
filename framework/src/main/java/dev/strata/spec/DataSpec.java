package dev.strata.spec;

import dev.strata.spi.Params;

/**
 * {@code data:} the format (a data-source plugin) and the validated parameters of each block;
 * path parameters are resolved to absolute paths.
 *
 * @param test {@code null} when the spec has no test split
 * @param classNames {@code null} when the spec names no class names
 */
public record DataSpec(String format, Params train, Params test, Params classNames, Preprocessing preprocessing) {
}
