package dev.strata.sweep;

import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spec.yaml.YamlValues;
import dev.strata.spi.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a sweep file's {@code parameters:} block: each dotted path with its values (a list, a
 * range, or for random search a distribution), each problem with its file:line:col.
 */
final class DomainParser {
    private DomainParser() {
    }

    static List<SweptParameter> parameters(YamlNode node, SweepSpec.Strategy strategy, ErrorCollector errors) {
        Optional<YamlNode.Mapping> mapping = YamlValues.mapping(node, "parameters", errors);
        if (mapping.isEmpty()) {
            return List.of();
        }
        if (mapping.get().entries().isEmpty()) {
            errors.add(Kind.MISSING_KEY, node.location(), "parameters", "no parameters to sweep",
                    "add e.g. optimizer.learning_rate: [0.003, 0.0075]");
        }
        List<SweptParameter> out = new ArrayList<>();
        for (YamlNode.Entry entry : mapping.get().entries().values()) {
            String path = "parameters." + entry.key();
            domain(entry.value(), path, strategy, errors).ifPresent(domain -> out.add(new SweptParameter(entry.key(),
                    entry.keyLocation(), domain, entry.value() instanceof YamlNode.Sequence s
                            ? s.items().stream().map(YamlNode::location).toList() : List.of())));
        }
        return out;
    }

    private static Optional<Domain> domain(YamlNode node, String path, SweepSpec.Strategy strategy,
            ErrorCollector errors) {
        if (node instanceof YamlNode.Sequence list) {
            if (list.items().isEmpty()) {
                errors.add(Kind.MISSING_KEY, node.location(), path, "the list of values is empty",
                        "give at least one value");
                return Optional.empty();
            }
            int before = errors.size();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                values.add(plain(list.items().get(i), path + "[" + i + "]", errors));
            }
            return errors.size() == before ? Optional.of(new Domain.Choices(values)) : Optional.empty();
        }
        if (node instanceof YamlNode.Mapping mapping) {
            YamlBlock block = new YamlBlock(mapping, path, errors);
            Optional<Domain> domain = block.has("distribution") ? distribution(block, strategy, errors)
                    : range(block, errors);
            block.finish();
            return domain;
        }
        errors.add(Kind.WRONG_TYPE, node.location(), path, "expected a list of values, a range {min, max, step} or "
                + "a distribution, got " + node.describe(), "write e.g. [0.003, 0.0075] or {min: 500, max: 3000, "
                        + "step: 500}");
        return Optional.empty();
    }

    private static Optional<Domain> range(YamlBlock block, ErrorCollector errors) {
        int before = errors.size();
        Optional<BigDecimal> min = block.required("min", "the range's min").flatMap(n -> decimal(n,
                block.pathOf("min"), errors));
        Optional<BigDecimal> max = block.required("max", "the range's max").flatMap(n -> decimal(n,
                block.pathOf("max"), errors));
        Optional<BigDecimal> step = block.required("step", "the range's step (or a distribution: with strategy: "
                + "random)").flatMap(n -> decimal(n, block.pathOf("step"), errors));
        if (errors.size() != before) {
            return Optional.empty();
        }
        if (min.get().compareTo(max.get()) > 0) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("max"), block.pathOf("max"), "max (" + max.get()
                    + ") is below min (" + min.get() + ")", "swap min and max");
            return Optional.empty();
        }
        if (step.get().signum() <= 0) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("step"), block.pathOf("step"), "step must be > 0, got "
                    + step.get(), "use a positive step");
            return Optional.empty();
        }
        BigDecimal count = max.get().subtract(min.get()).divideToIntegralValue(step.get()).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(SweepParser.MAX_TRIALS)) > 0) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("step"), block.pathOf("step"), "the range has " + count
                    + " points, more than " + SweepParser.MAX_TRIALS, "use a larger step");
            return Optional.empty();
        }
        boolean integers = isInteger(block, "min") && isInteger(block, "max") && isInteger(block, "step");
        List<Object> points = new ArrayList<>();
        for (BigDecimal v = min.get(); v.compareTo(max.get()) <= 0; v = v.add(step.get())) {
            points.add(integers ? (Object) v.longValueExact() : (Object) v.doubleValue());
        }
        return Optional.of(new Domain.Range(points));
    }

    private static boolean isInteger(YamlBlock block, String key) {
        return block.node(key).map(n -> n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INT)
                .orElse(false);
    }

    private static Optional<BigDecimal> decimal(YamlNode node, String path, ErrorCollector errors) {
        Optional<Double> value = YamlValues.number(node, path, errors);
        if (value.isPresent() && !Double.isFinite(value.get())) {
            errors.add(Kind.OUT_OF_RANGE, node.location(), path, "expected a finite number, got " + value.get(),
                    "write a plain number");
            return Optional.empty();
        }
        return value.map(v -> new BigDecimal(((YamlNode.Scalar) node).text().replace("_", "")));
    }

    private static Optional<Domain> distribution(YamlBlock block, SweepSpec.Strategy strategy, ErrorCollector errors) {
        int before = errors.size();
        Optional<String> name = block.string("distribution");
        Domain.Distribution.Kind kind = null;
        if (name.isPresent()) {
            for (Domain.Distribution.Kind k : Domain.Distribution.Kind.values()) {
                if (k.yamlName().equals(name.get())) {
                    kind = k;
                }
            }
            if (kind == null) {
                List<String> names = Arrays.stream(Domain.Distribution.Kind.values())
                        .map(Domain.Distribution.Kind::yamlName).toList();
                errors.add(Kind.UNKNOWN_VALUE, block.locationOf("distribution"), block.pathOf("distribution"),
                        "unknown distribution '" + name.get() + "'", Suggestions.fix(name.get(), names));
            }
        }
        Optional<BigDecimal> min = block.required("min", "the distribution's min").flatMap(n -> decimal(n,
                block.pathOf("min"), errors));
        Optional<BigDecimal> max = block.required("max", "the distribution's max").flatMap(n -> decimal(n,
                block.pathOf("max"), errors));
        if (strategy == SweepSpec.Strategy.GRID) {
            errors.add(Kind.UNKNOWN_KEY, block.locationOf("distribution"), block.pathOf("distribution"),
                    "a distribution needs strategy: random (a grid needs fixed values)",
                    "set strategy: random with trials: N, or give a list or {min, max, step}");
        }
        if (errors.size() != before) {
            return Optional.empty();
        }
        if (min.get().compareTo(max.get()) > 0) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("max"), block.pathOf("max"), "max (" + max.get()
                    + ") is below min (" + min.get() + ")", "swap min and max");
            return Optional.empty();
        }
        if (kind == Domain.Distribution.Kind.LOG_UNIFORM && min.get().signum() <= 0) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("min"), block.pathOf("min"), "log_uniform needs min > 0, "
                    + "got " + min.get(), "use a positive min, e.g. 1e-4");
            return Optional.empty();
        }
        if (kind == Domain.Distribution.Kind.INT_UNIFORM && !(isInteger(block, "min") && isInteger(block, "max"))) {
            errors.add(Kind.WRONG_TYPE, block.locationOf("min"), block.pathOf("min"), "int_uniform needs integer min "
                    + "and max", "write whole numbers, or use uniform");
            return Optional.empty();
        }
        return Optional.of(new Domain.Distribution(kind, min.get().doubleValue(), max.get().doubleValue()));
    }

    /** The number of values a grid takes from {@code domain}. */
    static int count(Domain domain) {
        if (domain instanceof Domain.Choices c) {
            return c.values().size();
        }
        return domain instanceof Domain.Range r ? r.points().size() : 1;
    }

    /** A YAML value as plain Java data: Long, Double, String, Boolean, List, Map. */
    static Object plain(YamlNode node, String path, ErrorCollector errors) {
        if (node instanceof YamlNode.Sequence s) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                out.add(plain(s.items().get(i), path + "[" + i + "]", errors));
            }
            return out;
        }
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> out.put(k, plain(e.value(), path + "." + k, errors)));
            return out;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.type()) {
            case INT -> YamlValues.integer(s, path, errors).orElse(0L);
            case FLOAT -> YamlValues.number(s, path, errors).orElse(0.0);
            case BOOL -> YamlValues.bool(s, path, errors).orElse(false);
            case STRING -> s.text();
            case NULL -> {
                errors.add(Kind.WRONG_TYPE, s.location(), path, "a swept value cannot be null", "write a value");
                yield "";
            }
        };
    }
}
