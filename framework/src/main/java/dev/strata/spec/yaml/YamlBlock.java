package dev.strata.spec.yaml;

import dev.strata.spec.Location;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spi.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML mapping key by key. Every key asked for becomes known; {@link #finish()} reports
 * the keys nobody asked for as unknown, with a "did you mean" suggestion among the known ones.
 */
public final class YamlBlock {
    private final YamlNode.Mapping mapping;
    private final String path;
    private final ErrorCollector errors;
    private final Set<String> known = new LinkedHashSet<>();

    public YamlBlock(YamlNode.Mapping mapping, String path, ErrorCollector errors) {
        this.mapping = mapping;
        this.path = path;
        this.errors = errors;
    }

    /** A block for {@code node}, or empty (with an error) when it is not a mapping. */
    public static Optional<YamlBlock> of(YamlNode node, String path, ErrorCollector errors) {
        return YamlValues.mapping(node, path, errors).map(m -> new YamlBlock(m, path, errors));
    }

    public String path() {
        return path;
    }

    public Location location() {
        return mapping.location();
    }

    public ErrorCollector errors() {
        return errors;
    }

    /** The YAML path of {@code key} in this block. */
    public String pathOf(String key) {
        return YamlPath.child(path, key);
    }

    /** Marks {@code key} as known without reading it. */
    public void allow(String key) {
        known.add(key);
    }

    /** The value of {@code key}; empty when absent or null. */
    public Optional<YamlNode> node(String key) {
        known.add(key);
        YamlNode value = mapping.get(key);
        return YamlValues.isAbsent(value) ? Optional.empty() : Optional.of(value);
    }

    public boolean has(String key) {
        return node(key).isPresent();
    }

    /** Where {@code key}'s value is, or this block's location when it is absent. */
    public Location locationOf(String key) {
        YamlNode value = mapping.get(key);
        return value == null ? mapping.location() : value.location();
    }

    /** The value of {@code key}, or an error when it is missing. */
    public Optional<YamlNode> required(String key, String what) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            errors.add(Kind.MISSING_KEY, locationOf(key), pathOf(key), "missing " + what,
                    "add '" + key + ":' to " + (path.isEmpty() ? "the spec" : path));
        }
        return node;
    }

    public Optional<String> string(String key) {
        return node(key).flatMap(n -> YamlValues.string(n, pathOf(key), errors));
    }

    /** The value of {@code key}, one of {@code names}; {@code fallback} when absent or unknown (error recorded). */
    public String choice(String key, List<String> names, String fallback) {
        Optional<String> text = string(key);
        if (text.isEmpty() || names.contains(text.get())) {
            return text.orElse(fallback);
        }
        errors.add(Kind.UNKNOWN_VALUE, locationOf(key), pathOf(key), "unknown " + key + " '" + text.get() + "'",
                Suggestions.fix(text.get(), names));
        return fallback;
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(n -> YamlValues.bool(n, pathOf(key), errors));
    }

    public Optional<Double> number(String key) {
        return node(key).flatMap(n -> YamlValues.number(n, pathOf(key), errors));
    }

    public Optional<Long> integer(String key) {
        return node(key).flatMap(n -> YamlValues.integer(n, pathOf(key), errors));
    }

    /** An int {@code >= min}; {@code fallback} when absent; empty (with an error) when invalid. */
    public Optional<Integer> intAtLeast(String key, Integer fallback, int min) {
        if (!has(key)) {
            return Optional.ofNullable(fallback);
        }
        Optional<Long> value = integer(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() > Integer.MAX_VALUE) {
            errors.add(Kind.OUT_OF_RANGE, locationOf(key), pathOf(key), key + " is too large: " + value.get(),
                    "use a number up to " + Integer.MAX_VALUE);
            return Optional.empty();
        }
        if (value.get() < min) {
            errors.add(Kind.OUT_OF_RANGE, locationOf(key), pathOf(key), key + " must be >= " + min
                    + ", got " + value.get(), "set " + key + " to a whole number >= " + min);
            return Optional.empty();
        }
        return Optional.of(value.get().intValue());
    }

    /** Reports every key not asked for. Call after reading all keys. */
    public void finish() {
        List<String> knownKeys = new ArrayList<>(known);
        for (YamlNode.Entry entry : mapping.entries().values()) {
            if (!known.contains(entry.key())) {
                errors.add(Kind.UNKNOWN_KEY, entry.keyLocation(), pathOf(entry.key()),
                        "unknown key '" + entry.key() + "'", Suggestions.fix(entry.key(), knownKeys));
            }
        }
    }

    /** A key's scalar text as written (or a description of a non-scalar), for messages; empty when absent. */
    public String textOf(String key) {
        return node(key).map(n -> n instanceof YamlNode.Scalar s ? s.text() : n.describe()).orElse("");
    }

    /**
     * A number in [0, 1) ({@code [0, 1]} when {@code oneAllowed}); {@code fallback} when absent, with an
     * error naming what it means ({@code what}) when outside.
     */
    public double fraction(String key, double fallback, boolean oneAllowed, String what) {
        Optional<Double> value = number(key);
        if (value.isPresent() && !(value.get() >= 0 && (oneAllowed ? value.get() <= 1 : value.get() < 1))) {
            errors.add(Kind.OUT_OF_RANGE, locationOf(key), pathOf(key), key + " must be in [0, 1" + (oneAllowed ? "]"
                    : ")") + ", got " + textOf(key), "set " + key + " to " + what);
            return fallback;
        }
        return value.orElse(fallback);
    }

    /** A finite number >= 0; 0 when absent. */
    public double nonNegative(String key, String what) {
        Optional<Double> value = number(key);
        if (value.isPresent() && !(value.get() >= 0 && Double.isFinite(value.get()))) {
            errors.add(Kind.OUT_OF_RANGE, locationOf(key), pathOf(key), key + " must be a finite number >= 0, got "
                    + textOf(key), "set " + key + " to " + what);
            return 0;
        }
        return value.orElse(0.0);
    }
}
