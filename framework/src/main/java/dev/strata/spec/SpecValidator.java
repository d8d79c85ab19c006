package dev.strata.spec;

import dev.strata.registry.Parameters;
import dev.strata.registry.PluginKind;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spec.yaml.YamlValues;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.OutputLayer;
import dev.strata.spi.ScheduleFactory;
import dev.strata.spi.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a parsed spec tree into a {@link ModelSpec}, reading every block and collecting every
 * problem. One instance per load.
 */
final class SpecValidator {
    static final String DEFAULT_INITIALIZER = "lecun_normal";
    static final String DEFAULT_LOSS = "binary_cross_entropy";
    private static final long SEED_LIMIT = 1L << 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Run folders are {@code <name>-<timestamp>}: well inside a file system's 255-byte limit. */
    static final int MAX_NAME = 100;

    private final PluginRegistry plugins;
    private final ErrorCollector errors;
    private final ParamsReader params;

    SpecValidator(PluginRegistry plugins, ParamsReader params, ErrorCollector errors) {
        this.plugins = plugins;
        this.params = params;
        this.errors = errors;
    }

    /** The spec, or empty when anything is wrong (the errors are in the collector). */
    Optional<ModelSpec> validate(YamlNode.Mapping root, String defaultName, SpecSource source) {
        YamlBlock spec = new YamlBlock(root, "", errors);
        int version = version(spec);
        String name = name(spec, defaultName);
        long seed = seed(spec);
        DType dtype = dtype(spec);
        DataSpec data = spec.required("data", "the data block").flatMap(n -> new DataBlock(plugins, params, errors)
                .read(n, "data")).orElse(null);
        ModelDef model = spec.required("model", "the model block").flatMap(n -> model(n, "model")).orElse(null);
        Selector loss = params.selector(spec.node("loss").orElse(defaultName(DEFAULT_LOSS, root)), "loss",
                "loss", plugins.factories(LossFactory.class), f -> Parameters.declared(PluginKind.LOSS, f)).orElse(null);
        Optional<YamlNode> optimizerNode = spec.required("optimizer", "the optimizer (e.g. {type: gradient_descent, "
                + "learning_rate: 0.0075})");
        Selector optimizer = optimizerNode.map(SpecValidator::withoutSchedule).flatMap(n -> params.selector(n,
                "optimizer", "optimizer", plugins.factories(OptimizerFactory.class),
                f -> Parameters.declared(PluginKind.OPTIMIZER, f))).orElse(null);
        YamlNode scheduleNode = optimizerNode.filter(n -> n instanceof YamlNode.Mapping m && m.get("schedule") != null)
                .map(n -> ((YamlNode.Mapping) n).get("schedule"))
                .orElse(new YamlNode.Scalar(YamlNode.ScalarType.STRING, "constant", root.location()));
        Selector schedule = params.selector(scheduleNode, "optimizer.schedule", "schedule",
                plugins.factories(ScheduleFactory.class), f -> Parameters.declared(PluginKind.SCHEDULE, f)).orElse(null);
        TrainingSpec training = spec.required("training", "the training block (e.g. {iterations: 2500})")
                .flatMap(n -> new TrainingBlock(errors).training(n, "training")).orElse(null);
        EvaluationSpec evaluation = spec.node("evaluation").map(n -> new TrainingBlock(errors).evaluation(n, "evaluation"))
                .orElse(Optional.of(EvaluationSpec.DEFAULT)).orElse(null);
        spec.finish();
        if (loss != null && model != null) {
            checkLossFitsOutput(loss, model, spec);
        }
        new CrossChecks(plugins, errors, spec).check(data, model, loss, schedule, training);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelSpec(version, name, seed, dtype, data, model, loss, optimizer, schedule, training,
                evaluation, source));
    }

    /** The optimizer block without its {@code schedule}, which is a selector of its own. */
    private static YamlNode withoutSchedule(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping) || mapping.get("schedule") == null) {
            return node;
        }
        YamlNode.Mapping out = new YamlNode.Mapping(mapping.location());
        mapping.entries().values().stream().filter(e -> !e.key().equals("schedule"))
                .forEach(e -> out.put(e.key(), e.keyLocation(), e.value()));
        return out;
    }

    /** A default selector, located at the spec's root when the key is absent. */
    private static YamlNode defaultName(String name, YamlNode.Mapping root) {
        return new YamlNode.Scalar(YamlNode.ScalarType.STRING, name, root.location());
    }

    private int version(YamlBlock spec) {
        Optional<Long> version = spec.integer("version");
        if (version.isPresent() && version.get() != 1) {
            errors.add(Kind.UNSUPPORTED_VERSION, spec.locationOf("version"), "version", "unsupported spec version "
                    + version.get(), "write version: 1 (the only version this Strata reads)");
        }
        return 1;
    }

    private String name(YamlBlock spec, String defaultName) {
        Optional<String> name = spec.string("name");
        if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
            errors.add(Kind.INVALID_NAME, spec.locationOf("name"), "name", "the name '" + name.get()
                    + "' is not a plain name (it names the output folder)",
                    "use letters, digits, '.', '_' and '-', starting with a letter or digit");
        } else if (name.isPresent() && name.get().length() > MAX_NAME) {
            errors.add(Kind.INVALID_NAME, spec.locationOf("name"), "name", "the name is " + name.get().length()
                    + " characters long, more than " + MAX_NAME + " (it names the run folder, with a timestamp"
                    + " added, and file systems allow 255 bytes)", "use a shorter name");
        }
        return name.orElse(defaultName);
    }

    private long seed(YamlBlock spec) {
        Optional<Long> seed = spec.integer("seed");
        if (seed.isPresent() && (seed.get() < 0 || seed.get() >= SEED_LIMIT)) {
            errors.add(Kind.OUT_OF_RANGE, spec.locationOf("seed"), "seed", "seed must be in [0, 2^32), got "
                    + seed.get(), "use a whole number from 0 to 4294967295");
        }
        return seed.orElse(1L);
    }

    private DType dtype(YamlBlock spec) {
        String name = spec.choice("dtype", Arrays.stream(DType.values()).map(DType::yamlName).toList(),
                DType.FLOAT64.yamlName());
        return Arrays.stream(DType.values()).filter(d -> d.yamlName().equals(name)).findFirst().orElseThrow();
    }

    private Optional<ModelDef> model(YamlNode node, String path) {
        Optional<YamlBlock> maybe = YamlBlock.of(node, path, errors);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlBlock model = maybe.get();
        int before = errors.size();
        List<LayerSpec> layers = new ArrayList<>();
        Optional<YamlNode.Sequence> list = model.required("layers", "the layers (a list of {units, activation})")
                .flatMap(n -> YamlValues.sequence(n, model.pathOf("layers"), errors));
        if (list.isPresent() && list.get().items().isEmpty()) {
            errors.add(Kind.NO_LAYERS, list.get().location(), model.pathOf("layers"), "the model has no layers",
                    "add at least one layer, e.g. - {units: 1, activation: sigmoid}");
        }
        list.ifPresent(l -> {
            for (int i = 0; i < l.items().size(); i++) {
                layer(l.items().get(i), model.pathOf("layers") + "[" + i + "]").ifPresent(layers::add);
            }
        });
        YamlNode initializerNode = model.node("initializer")
                .orElse(new YamlNode.Scalar(YamlNode.ScalarType.STRING, DEFAULT_INITIALIZER, model.location()));
        Optional<Selector> initializer = params.selector(initializerNode, model.pathOf("initializer"), "initializer",
                plugins.factories(InitializerFactory.class), f -> f.parameters());
        model.finish();
        return errors.size() == before && initializer.isPresent()
                ? Optional.of(new ModelDef(layers, initializer.get())) : Optional.empty();
    }

    private Optional<LayerSpec> layer(YamlNode node, String path) {
        Optional<YamlBlock> maybe = YamlBlock.of(node, path, errors);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlBlock layer = maybe.get();
        Optional<Integer> units = layer.required("units", "the layer's width ('units')").isPresent()
                ? layer.intAtLeast("units", null, 1) : Optional.empty();
        Optional<Selector> activation = layer.required("activation", "the layer's activation")
                .flatMap(n -> params.selector(n, layer.pathOf("activation"), "activation",
                        plugins.factories(ActivationFactory.class),
                        f -> f.parameters()));
        boolean hasInitializer = layer.has("initializer");
        Optional<Selector> initializer = layer.node("initializer").flatMap(n -> params.selector(n,
                layer.pathOf("initializer"), "initializer", plugins.factories(InitializerFactory.class), f -> f.parameters()));
        int before = errors.size();
        double dropout = layer.fraction("dropout", 0.0, false, "the fraction of activations dropped in training,"
                + " e.g. 0.2");
        double l2 = layer.nonNegative("l2", "this layer's L2 strength, e.g. 0.01");
        double l1 = layer.nonNegative("l1", "this layer's L1 strength, e.g. 0.001");
        boolean batchNorm = layer.bool("batch_norm").orElse(false);
        layer.finish();
        if (units.isEmpty() || activation.isEmpty() || hasInitializer && initializer.isEmpty()
                || errors.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new LayerSpec(units.get(), activation.get(), initializer.orElse(null), dropout, l2, l1,
                batchNorm));
    }

    /** Asks the loss whether it fits the output layer, describing that layer by the link its activation computes. */
    private void checkLossFitsOutput(Selector loss, ModelDef model, YamlBlock spec) {
        int last = model.layers().size() - 1;
        LayerSpec output = model.layers().get(last);
        Selector activation = output.activation();
        String path = "model.layers[" + last + "].activation";
        ActivationFactory activations = plugins.get(ActivationFactory.class, activation.type());
        dev.strata.spi.Activation created;
        try {
            created = activations.create(activation.params());
        } catch (RuntimeException | LinkageError e) {
            errors.add(Kind.PLUGIN_FAILED, spec.locationOf("model"), path, "activation '" + activation.type()
                    + "' (" + plugins.origin(activations) + ") failed to create: " + e, "fix or remove the plugin");
            return;
        }
        if (created == null) {
            errors.add(Kind.PLUGIN_FAILED, spec.locationOf("model"), path, "activation '" + activation.type()
                    + "' (" + plugins.origin(activations) + ") created nothing", "fix or remove the plugin");
            return;
        }
        LossFactory factory = plugins.get(LossFactory.class, loss.type());
        OutputLayer layer = new OutputLayer(output.units(), activation.type(), created.link());
        factory.checkOutputLayer(layer).ifPresent(message -> errors.add(
                Kind.LOSS_MISMATCH, spec.locationOf("loss"), "loss", message, ""));
    }
}
