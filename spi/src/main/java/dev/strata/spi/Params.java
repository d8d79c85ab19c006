package dev.strata.spi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values handed to a factory: every declared parameter is present (explicit or
 * default) and has its declared type ({@code Double}, {@code Integer}, {@code Boolean},
 * {@code String}, {@code Path} or {@code List<String>}). Immutable.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class Params {
    private static final Params EMPTY = new Params(Map.of());
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Params of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Params(new LinkedHashMap<>(values));
    }

    public static Params empty() {
        return EMPTY;
    }

    /** The defaults of {@code specs}, for callers that build a plugin without a spec (tests, scripts). */
    public static Params defaults(List<ParamSpec> specs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return of(values);
    }

    /** Returns a copy with {@code name} set to {@code value}. */
    public Params with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Params(copy);
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public Path getPath(String name) {
        Object value = require(name);
        return value instanceof Path p ? p : Path.of(value.toString());
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        return (List<String>) require(name);
    }

    public boolean has(String name) {
        return values.containsKey(name) && values.get(name) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter '" + name + "' (declared parameters: "
                    + values.keySet() + ")");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
