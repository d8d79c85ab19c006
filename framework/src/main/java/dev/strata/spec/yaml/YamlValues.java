package dev.strata.spec.yaml;

import dev.strata.spec.SpecError.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values from {@link YamlNode}s, taking the type from the node: a quoted {@code "0.1"} is
 * a string, not a number. Each method adds an error and returns empty when the node does not fit.
 */
public final class YamlValues {
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private YamlValues() {
    }

    public static Optional<String> string(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING) {
            return Optional.of(s.text());
        }
        String quoted = node instanceof YamlNode.Scalar s ? "quote it: '" + s.text() + "'" : "write a plain string";
        wrongType(node, path, "a string", quoted, errors);
        return Optional.empty();
    }

    /** An integer written in plain decimal (underscores allowed), as a long. */
    public static Optional<Long> integer(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT) {
            String text = s.text();
            if (!DECIMAL_INT.matcher(text).matches()) {
                errors.add(Kind.BAD_NUMBER, node.location(), path, "the integer '" + text
                        + "' is not written in decimal", "write it as a plain decimal number");
                return Optional.empty();
            }
            BigInteger value = new BigInteger(text.replace("_", ""));
            if (value.bitLength() >= 63) {
                errors.add(Kind.OUT_OF_RANGE, node.location(), path, "the integer " + text + " is too large",
                        "use a smaller number");
                return Optional.empty();
            }
            return Optional.of(value.longValue());
        }
        wrongType(node, path, "an integer", "write a whole number without quotes or a decimal point", errors);
        return Optional.empty();
    }

    /** A number: an integer or a float, including {@code .inf} and {@code .nan}. */
    public static Optional<Double> number(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT) {
            return integer(node, path, errors).map(Long::doubleValue);
        }
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.FLOAT) {
            String text = s.text();
            if (INFINITY.matcher(text).matches()) {
                return Optional.of(text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (NAN.matcher(text).matches()) {
                return Optional.of(Double.NaN);
            }
            try {
                return Optional.of(new BigDecimal(text.replace("_", "")).doubleValue());
            } catch (NumberFormatException e) {
                errors.add(Kind.BAD_NUMBER, node.location(), path, "the number '" + text
                        + "' is not written in decimal", "write it as e.g. 0.0075 or 7.5e-3");
                return Optional.empty();
            }
        }
        wrongType(node, path, "a number", "write a number without quotes, e.g. 0.01", errors);
        return Optional.empty();
    }

    /** {@code true} or {@code false}; YAML 1.1's {@code yes/no/on/off} are refused. */
    public static Optional<Boolean> bool(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOL) {
            switch (s.text()) {
                case "true", "True", "TRUE":
                    return Optional.of(true);
                case "false", "False", "FALSE":
                    return Optional.of(false);
                default:
                    errors.add(Kind.YAML11_BOOLEAN, node.location(), path, "'" + s.text()
                            + "' is not a boolean here", "write true or false");
                    return Optional.empty();
            }
        }
        wrongType(node, path, "true or false", "write true or false", errors);
        return Optional.empty();
    }

    public static Optional<YamlNode.Mapping> mapping(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        wrongType(node, path, "a mapping", "write key: value pairs, indented below the key or as {key: value}",
                errors);
        return Optional.empty();
    }

    public static Optional<YamlNode.Sequence> sequence(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Sequence s) {
            return Optional.of(s);
        }
        wrongType(node, path, "a list", "write a list as '- item' lines or as [a, b]", errors);
        return Optional.empty();
    }

    /** Whether the node is absent or an explicit null (both mean "not given"). */
    public static boolean isAbsent(YamlNode node) {
        return node == null || node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL;
    }

    private static void wrongType(YamlNode node, String path, String expected, String fix, ErrorCollector errors) {
        errors.add(Kind.WRONG_TYPE, node.location(), path, "expected " + expected + ", got " + node.describe(), fix);
    }
}
