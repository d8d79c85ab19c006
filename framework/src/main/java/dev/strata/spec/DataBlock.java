package dev.strata.spec;

import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import dev.strata.spi.Suggestions;
import java.util.List;
import java.util.Optional;

/** Reads a spec's {@code data:} block against its data format plugin's declared keys, collecting every problem. */
final class DataBlock {
    static final String DEFAULT_FORMAT = "hdf5";

    private final PluginRegistry plugins;
    private final ParamsReader params;
    private final ErrorCollector errors;

    DataBlock(PluginRegistry plugins, ParamsReader params, ErrorCollector errors) {
        this.plugins = plugins;
        this.params = params;
        this.errors = errors;
    }

    Optional<DataSpec> read(YamlNode node, String path) {
        Optional<YamlBlock> maybe = YamlBlock.of(node, path, errors);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlBlock data = maybe.get();
        int before = errors.size();
        String format = data.string("format").orElse(DEFAULT_FORMAT);
        DataSourceFactory factory = plugins.get(DataSourceFactory.class, format);
        if (factory == null) {
            errors.add(Kind.UNKNOWN_PLUGIN, data.locationOf("format"), data.pathOf("format"), "unknown data format '"
                    + format + "'", Suggestions.fix(format, plugins.factories(DataSourceFactory.class).keySet()));
        }
        String owner = "data format '" + format + "'";
        Optional<YamlNode> trainNode = data.required("train", "the training data block");
        Optional<YamlNode> testNode = data.node("test");
        Optional<YamlNode> classNode = data.node("class_names");
        Params train = null;
        Params test = null;
        Params classNames = null;
        Params validation = null;
        double validationSplit = 0;
        Optional<YamlNode> validationNode = data.node("validation");
        if (validationNode.isPresent() && validationNode.get() instanceof YamlNode.Mapping m && m.get("split") != null) {
            validationSplit = validationSplit(m, data.pathOf("validation"));
        } else if (factory != null && validationNode.isPresent()) {
            validation = split(validationNode.get(), data.pathOf("validation"), factory.parameters(), owner)
                    .orElse(null);
        }
        if (factory != null) {
            train = trainNode.flatMap(n -> split(n, data.pathOf("train"), factory.parameters(), owner)).orElse(null);
            test = testNode.flatMap(n -> split(n, data.pathOf("test"), factory.parameters(), owner)).orElse(null);
            if (classNode.isPresent() && factory.classNameParameters().isEmpty()) {
                errors.add(Kind.UNKNOWN_KEY, classNode.get().location(), data.pathOf("class_names"), owner
                        + " takes no class_names block", "remove data.class_names");
            } else {
                classNames = classNode.flatMap(n -> split(n, data.pathOf("class_names"),
                        factory.classNameParameters(), owner)).orElse(null);
            }
        }
        Preprocessing preprocessing = data.node("preprocessing")
                .map(n -> preprocessing(n, data.pathOf("preprocessing"))).orElse(Preprocessing.NONE);
        String cache = data.choice("cache", java.util.Arrays.stream(DataSpec.Cache.values()).map(DataSpec.Cache::yamlName)
                .toList(), DataSpec.Cache.AUTO.yamlName());
        data.finish();
        return errors.size() == before ? Optional.of(new DataSpec(format, train, test, classNames, preprocessing,
                DataSpec.Cache.valueOf(cache.toUpperCase(java.util.Locale.ROOT)), validation, validationSplit))
                : Optional.empty();
    }

    /** {@code validation: {split: 0.2}}: a fraction of the training examples, nothing else in the block. */
    private double validationSplit(YamlNode.Mapping node, String path) {
        YamlBlock block = new YamlBlock(node, path, errors);
        Optional<Double> split = block.number("split");
        block.finish();
        if (split.isPresent() && !(split.get() > 0 && split.get() < 1)) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("split"), block.pathOf("split"), "split must be in (0, 1),"
                    + " got " + block.textOf("split"), "set split to the fraction of the training examples held out"
                    + " for validation, e.g. 0.2");
            return 0;
        }
        return split.orElse(0.0);
    }

    private Optional<Params> split(YamlNode node, String path, List<ParamSpec> specs, String owner) {
        return YamlBlock.of(node, path, errors).flatMap(block -> params.read(block, specs, owner, null));
    }

    private Preprocessing preprocessing(YamlNode node, String path) {
        Optional<YamlBlock> maybe = YamlBlock.of(node, path, errors);
        if (maybe.isEmpty()) {
            return Preprocessing.NONE;
        }
        YamlBlock block = maybe.get();
        boolean flatten = block.bool("flatten").orElse(true);
        double scale = block.number("scale").orElse(1.0);
        if (!(scale > 0 && Double.isFinite(scale))) {
            errors.add(Kind.OUT_OF_RANGE, block.locationOf("scale"), block.pathOf("scale"),
                    "scale must be a finite number > 0, got " + block.textOf("scale"),
                    "set scale to what features are divided by, e.g. 255 for 8-bit pixels");
        }
        boolean standardize = block.bool("standardize").orElse(false);
        boolean minMax = block.bool("min_max").orElse(false);
        if (standardize && minMax) {
            errors.add(Kind.UNKNOWN_VALUE, block.locationOf("min_max"), block.pathOf("min_max"), "standardize and"
                    + " min_max are both set, but each replaces the other", "keep one: standardize: true (mean 0,"
                    + " standard deviation 1 per feature) or min_max: true (each feature into [0, 1])");
        }
        block.finish();
        return new Preprocessing(flatten, scale, standardize ? Preprocessing.Normalize.STANDARDIZE
                : minMax ? Preprocessing.Normalize.MIN_MAX : Preprocessing.Normalize.NONE);
    }
}
