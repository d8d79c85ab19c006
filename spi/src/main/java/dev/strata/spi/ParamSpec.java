package dev.strata.spi;

import java.util.Objects;

/**
 * One typed parameter of a plugin. A {@code null} default makes the parameter required.
 * Numeric bounds are checked by the spec layer, which reports violations with the YAML location.
 *
 * @param name snake_case key in the spec
 * @param type the value type
 * @param defaultValue the default ({@code Double}, {@code Integer}, {@code Boolean}, {@code String}
 *     or {@code List<String>}), or {@code null} when required
 * @param min lower bound for numbers, or {@code null}
 * @param minExclusive whether {@code min} itself is refused
 * @param max upper bound for numbers, or {@code null}
 * @param description one line for {@code strata plugins}
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ParamSpec(
        String name,
        ParamType type,
        Object defaultValue,
        Double min,
        boolean minExclusive,
        Double max,
        String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** A number with a default and no bounds. */
    public static ParamSpec number(String name, double defaultValue, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, null, false, null, description);
    }

    /** A number that must be greater than zero. */
    public static ParamSpec positive(String name, double defaultValue, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, 0.0, true, null, description);
    }

    /** A number in {@code [min, max]}. */
    public static ParamSpec between(String name, double defaultValue, double min, double max, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, min, false, max, description);
    }

    /** A required parameter of the given type. */
    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, null, false, null, description);
    }

    /** An optional parameter with a default. */
    public static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, defaultValue, null, false, null, description);
    }

    /** Returns a copy with a lower bound. */
    public ParamSpec withMin(double bound, boolean exclusive) {
        return new ParamSpec(name, type, defaultValue, bound, exclusive, max, description);
    }

    /** Returns a copy with an upper bound. */
    public ParamSpec withMax(double bound) {
        return new ParamSpec(name, type, defaultValue, min, minExclusive, bound, description);
    }

    /** The range as text for error messages, e.g. {@code "> 0"}, {@code "in [0, 1]"} or {@code "in [0, 1)"}; empty when unbounded. */
    public String rangeText() {
        if (min != null && max != null) {
            // a bound just below a whole number (Math.nextDown(1.0)) is that number, excluded
            double above = Math.nextUp(max);
            boolean justBelow = max != Math.rint(max) && above == Math.rint(above);
            return "in " + (minExclusive ? "(" : "[") + fmt(min) + ", " + (justBelow ? fmt(above) + ")" : fmt(max) + "]");
        }
        if (min != null) {
            return (minExclusive ? "> " : ">= ") + fmt(min);
        }
        if (max != null) {
            return "<= " + fmt(max);
        }
        return "";
    }

    /** As a person writes it: {@code 64}, {@code 0.999}, {@code 1e-8} (not Java's {@code 1.0E-8}). */
    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // the SPI depends on nothing of the framework, so this does not call dev.strata.io.Decimal
        return Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }
}
