package dev.strata.spec;

import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spec.yaml.YamlValues;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.Suggestions;
import dev.strata.spi.PluginFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates plugin parameters against the {@link ParamSpec}s a factory declares and fills in the
 * defaults, reporting every problem with its YAML location. Also reads plugin selectors (a bare name
 * or {@code {type: NAME, ...params}}) and resolves {@link ParamType#PATH} values.
 */
public final class ParamsReader {
    private final Path specDir;
    private final Path workDir;
    private final ErrorCollector errors;

    /**
     * @param specDir the folder of the spec file: relative paths resolve here first
     * @param workDir the working directory: relative paths resolve here second
     */
    public ParamsReader(Path specDir, Path workDir, ErrorCollector errors) {
        this.specDir = specDir.toAbsolutePath().normalize();
        this.workDir = workDir.toAbsolutePath().normalize();
        this.errors = errors;
    }

    /**
     * Reads a plugin selector at {@code path}.
     *
     * @param kind how messages name the extension point, e.g. "activation"
     * @param factories the registered factories by name
     * @param parameters the parameters to validate for a factory (usually {@code PluginFactory::parameters})
     */
    public <F extends PluginFactory> Optional<Selector> selector(YamlNode node, String path, String kind,
            Map<String, F> factories, Function<F, List<ParamSpec>> parameters) {
        YamlBlock block;
        YamlNode typeNode;
        String typePath;
        if (node instanceof YamlNode.Mapping mapping) {
            block = new YamlBlock(mapping, path, errors);
            Optional<YamlNode> type = block.required("type", "the " + kind + " name ('type')");
            if (type.isEmpty()) {
                return Optional.empty();
            }
            typeNode = type.get();
            typePath = block.pathOf("type");
        } else if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING) {
            block = new YamlBlock(new YamlNode.Mapping(node.location()), path, errors);
            typeNode = node;
            typePath = path;
        } else {
            errors.add(Kind.WRONG_TYPE, node.location(), path, "expected " + kind + " name or {type: NAME, ...}, got "
                    + node.describe(), "write e.g. " + path.substring(path.lastIndexOf('.') + 1) + ": "
                    + factories.keySet().stream().findFirst().orElse("NAME"));
            return Optional.empty();
        }
        Optional<String> name = YamlValues.string(typeNode, typePath, errors);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        F factory = factories.get(name.get());
        if (factory == null) {
            errors.add(Kind.UNKNOWN_PLUGIN, typeNode.location(), typePath, "unknown " + kind + " '" + name.get() + "'",
                    Suggestions.fix(name.get(), factories.keySet()));
            return Optional.empty();
        }
        String owner = kind + " '" + name.get() + "'";
        boolean bare = !(node instanceof YamlNode.Mapping);
        Optional<Params> params = read(block, parameters.apply(factory), owner, bare ? name.get() : null);
        return params.map(p -> new Selector(name.get(), p));
    }

    /**
     * Reads {@code specs} from {@code block}, fills defaults and reports unknown keys (via
     * {@link YamlBlock#finish()}). Returns empty when any parameter is invalid.
     *
     * @param owner how messages name the block's owner, e.g. "optimizer 'adam'"
     * @param bareName the plugin name when the selector was written as a bare name, else {@code null}
     */
    public Optional<Params> read(YamlBlock block, List<ParamSpec> specs, String owner, String bareName) {
        int before = errors.size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Optional<YamlNode> node = block.node(spec.name());
            if (node.isEmpty()) {
                if (spec.required()) {
                    String hint = spec.name() + ": <" + expected(spec) + ">";
                    errors.add(Kind.MISSING_KEY, block.location(), block.pathOf(spec.name()),
                            "missing required parameter '" + spec.name() + "' of " + owner,
                            bareName != null ? "write {type: " + bareName + ", " + hint + "}"
                                    : "add " + hint);
                } else {
                    values.put(spec.name(), normalizeDefault(spec));
                }
                continue;
            }
            value(spec, node.get(), block.pathOf(spec.name())).ifPresent(v -> values.put(spec.name(), v));
        }
        block.finish();
        return errors.size() == before ? Optional.of(Params.of(values)) : Optional.empty();
    }

    private Optional<Object> value(ParamSpec spec, YamlNode node, String path) {
        switch (spec.type()) {
            case DOUBLE -> {
                return YamlValues.number(node, path, errors).filter(v -> inBounds(spec, v, node, path)).map(v -> v);
            }
            case INT -> {
                Optional<Long> value = YamlValues.integer(node, path, errors);
                if (value.isPresent() && (value.get() > Integer.MAX_VALUE || value.get() < Integer.MIN_VALUE)) {
                    errors.add(Kind.OUT_OF_RANGE, node.location(), path, spec.name() + " is too large: " + value.get(),
                            "use a number below " + Integer.MAX_VALUE);
                    return Optional.empty();
                }
                return value.filter(v -> inBounds(spec, v, node, path)).map(Long::intValue);
            }
            case BOOLEAN -> {
                return YamlValues.bool(node, path, errors).map(v -> v);
            }
            case STRING -> {
                return YamlValues.string(node, path, errors).map(v -> v);
            }
            case PATH -> {
                return YamlValues.string(node, path, errors).flatMap(v -> resolvePath(v, node, path)).map(p -> p);
            }
            case STRING_LIST -> {
                Optional<YamlNode.Sequence> list = YamlValues.sequence(node, path, errors);
                if (list.isEmpty()) {
                    return Optional.empty();
                }
                List<String> items = new ArrayList<>();
                int before = errors.size();
                for (int i = 0; i < list.get().items().size(); i++) {
                    YamlValues.string(list.get().items().get(i), path + "[" + i + "]", errors).ifPresent(items::add);
                }
                return errors.size() == before ? Optional.of(List.copyOf(items)) : Optional.empty();
            }
            default -> throw new IllegalStateException("unhandled parameter type " + spec.type());
        }
    }

    private boolean inBounds(ParamSpec spec, double value, YamlNode node, String path) {
        boolean bounded = spec.min() != null || spec.max() != null;
        String shown = node instanceof YamlNode.Scalar s ? s.text() : Double.toString(value);
        if (bounded && !Double.isFinite(value)) {
            errors.add(Kind.OUT_OF_RANGE, node.location(), path, spec.name() + " must be a finite number "
                    + spec.rangeText() + ", got " + shown, "set " + spec.name() + " to a number " + spec.rangeText());
            return false;
        }
        boolean below = spec.min() != null && (spec.minExclusive() ? value <= spec.min() : value < spec.min());
        boolean above = spec.max() != null && value > spec.max();
        if (below || above) {
            errors.add(Kind.OUT_OF_RANGE, node.location(), path, spec.name() + " must be " + spec.rangeText()
                    + ", got " + shown, "set " + spec.name() + " to a number " + spec.rangeText());
            return false;
        }
        return true;
    }

    private static String expected(ParamSpec spec) {
        String range = spec.rangeText();
        return spec.type().description() + (range.isEmpty() ? "" : ", " + range);
    }

    private Object normalizeDefault(ParamSpec spec) {
        Object value = spec.defaultValue();
        return switch (spec.type()) {
            case DOUBLE -> ((Number) value).doubleValue();
            case INT -> ((Number) value).intValue();
            case PATH -> value instanceof Path p ? p : specDir.resolve(value.toString()).normalize();
            case STRING_LIST -> List.copyOf((List<?>) value).stream().map(Object::toString).toList();
            default -> value;
        };
    }

    /** Resolves {@code raw} against the spec's folder, then the working directory; it must be an existing regular file. */
    public Optional<Path> resolvePath(String raw, YamlNode node, String path) {
        Path given;
        try {
            given = Path.of(raw);
        } catch (InvalidPathException e) {
            errors.add(Kind.PATH_NOT_FOUND, node.location(), path, "'" + raw + "' is not a valid path: "
                    + e.getReason(), "write a file path");
            return Optional.empty();
        }
        LinkedHashSet<Path> tried = new LinkedHashSet<>();
        if (given.isAbsolute()) {
            tried.add(given.normalize());
        } else {
            tried.add(specDir.resolve(given).normalize());
            tried.add(workDir.resolve(given).normalize());
        }
        for (Path candidate : tried) {
            if (Files.isDirectory(candidate)) {
                errors.add(Kind.PATH_NOT_FOUND, node.location(), path, "'" + raw + "' is a folder (" + candidate
                        + "), not a file", "give the path of the file inside it");
                return Optional.empty();
            }
            if (Files.exists(candidate) && !Files.isRegularFile(candidate)) {
                errors.add(Kind.PATH_NOT_FOUND, node.location(), path, "'" + raw + "' (" + candidate
                        + ") is not a regular file but a pipe, FIFO or device, which could block or never end",
                        "copy the data to a file and give its path");
                return Optional.empty();
            }
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.isSymbolicLink(candidate)) {
                errors.add(Kind.PATH_NOT_FOUND, node.location(), path, "'" + raw + "' (" + candidate
                        + ") is a symbolic link that leads nowhere (its target is missing, or links loop)",
                        "point the link at the data file, or give the file's own path");
                return Optional.empty();
            }
        }
        errors.add(Kind.PATH_NOT_FOUND, node.location(), path, "no file '" + raw + "': tried "
                + String.join(" and ", tried.stream().map(Path::toString).toList()),
                "check the path; relative paths resolve against the spec's folder first, then the working directory");
        return Optional.empty();
    }
}
