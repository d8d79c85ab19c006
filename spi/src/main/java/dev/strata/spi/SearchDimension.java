package dev.strata.spi;

import java.util.List;
import java.util.Random;

/**
 * One swept parameter as a search strategy sees it: a list of values (a sweep file's list or
 * range), or a distribution between {@code min} and {@code max}.
 *
 * @param path the spec path it sets, e.g. {@code optimizer.learning_rate}
 * @param values the values, in the sweep file's order; empty for a distribution
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public record SearchDimension(String path, Kind kind, double min, double max, List<Object> values) {
    /** How the values are given. */
    public enum Kind {
        /** One of {@link #values()}. */
        VALUES,
        /** A double drawn uniformly in {@code [min, max)}. */
        UNIFORM,
        /** A double whose logarithm is uniform in {@code [log min, log max)}. */
        LOG_UNIFORM,
        /** A long drawn uniformly from {@code min .. max}, both included. */
        INT_UNIFORM
    }

    public SearchDimension {
        values = List.copyOf(values);
    }

    public static SearchDimension of(String path, List<Object> values) {
        return new SearchDimension(path, Kind.VALUES, Double.NaN, Double.NaN, values);
    }

    public static SearchDimension between(String path, Kind kind, double min, double max) {
        return new SearchDimension(path, kind, min, max, List.of());
    }

    /**
     * Where {@code value} is in {@link #values()}, or −1; numbers compare by value (JSON reads 64
     * back as an Integer, YAML as a Long).
     */
    public int indexOf(Object value) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Number a && value instanceof Number b ? a.doubleValue() == b.doubleValue()
                    : java.util.Objects.equals(v, value)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A value drawn as the random strategy draws it: one {@code nextDouble} for a distribution,
     * one {@code nextInt} over the values (a {@code Long} for {@link Kind#INT_UNIFORM}).
     */
    public Object draw(Random random) {
        if (kind == Kind.VALUES) {
            return values.get(random.nextInt(values.size()));
        }
        double u = random.nextDouble();
        if (kind == Kind.INT_UNIFORM) {
            long low = (long) min;
            return low + (long) Math.floor(u * ((long) max - low + 1));
        }
        return kind == Kind.LOG_UNIFORM ? Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * u)
                : min + (max - min) * u;
    }
}
