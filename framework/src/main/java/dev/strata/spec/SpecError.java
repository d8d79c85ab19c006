package dev.strata.spec;

import java.util.Objects;

/**
 * One problem found in a spec (or a sweep file), with where it is and how to fix it.
 *
 * @param location the file and 1-based line:col, or {@code --set <text>} for an override
 * @param path the YAML path, e.g. {@code model.layers[2].activation}; empty for the whole file
 * @param message what is wrong
 * @param fix how to fix it; empty when the message already says
 * @param kind a stable id of the kind of problem, for tests and tools
 */
public record SpecError(Location location, String path, String message, String fix, Kind kind) {

    public SpecError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
        path = path == null ? "" : path;
        fix = fix == null ? "" : fix;
    }

    /** The error as one line: {@code file:line:col: path: message; fix}. */
    public String format() {
        StringBuilder line = new StringBuilder(location.toString()).append(": ");
        if (!path.isEmpty()) {
            line.append(path).append(": ");
        }
        line.append(message);
        if (!fix.isEmpty()) {
            line.append("; ").append(fix);
        }
        return line.toString();
    }

    /** Stable ids of the kinds of spec problems. */
    public enum Kind {
        /** The file could not be read. */
        UNREADABLE,
        /** The file is empty or holds only comments. */
        EMPTY_FILE,
        /** YAML syntax error. */
        SYNTAX,
        /** Over a safety limit: size, nesting depth, aliases. */
        TOO_LARGE,
        /** An explicit tag other than the standard scalar and collection tags. */
        UNSUPPORTED_TAG,
        DUPLICATE_KEY,
        /** An alias used inside the value it names. */
        RECURSIVE_ALIAS,
        /** A mapping key that is not a plain scalar, or a merge key. */
        BAD_KEY,
        /** The document root is not a mapping. */
        ROOT_NOT_MAPPING,
        UNKNOWN_KEY,
        MISSING_KEY,
        /** A value of the wrong YAML type (a string where a number belongs, ...). */
        WRONG_TYPE,
        /** A YAML 1.1 boolean such as {@code yes} or {@code off}. */
        YAML11_BOOLEAN,
        /** A number written in a notation the spec does not accept (hex, octal, sexagesimal). */
        BAD_NUMBER,
        /** A number outside its bounds, or NaN/Infinity where bounds apply. */
        OUT_OF_RANGE,
        /** A plugin name that no installed plugin registered. */
        UNKNOWN_PLUGIN,
        /** A value outside a fixed set of choices (e.g. {@code dtype}). */
        UNKNOWN_VALUE,
        UNSUPPORTED_VERSION,
        INVALID_NAME,
        PATH_NOT_FOUND,
        /** {@code model.layers} is empty. */
        NO_LAYERS,
        /** Not exactly one of {@code iterations} / {@code epochs}, or minibatch keys without epochs. */
        TRAINING_MODE,
        /** The loss does not fit the output layer. */
        LOSS_MISMATCH,
        /** A plugin failed while the spec was checked (its {@code create} threw). */
        PLUGIN_FAILED,
        /** A malformed {@code --set} override. */
        BAD_OVERRIDE,
        /** A {@code --set} override whose parent path does not exist. */
        OVERRIDE_PATH
    }
}
