package dev.strata.sweep;

import dev.strata.registry.PluginRegistry;
import dev.strata.spec.Location;
import dev.strata.spec.ParamsReader;
import dev.strata.spec.Selector;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.Overrides;
import dev.strata.spec.yaml.SafeYaml;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spec.yaml.YamlValues;
import dev.strata.spi.BadInputException;
import dev.strata.spi.SearchStrategyFactory;
import dev.strata.spi.Suggestions;
import dev.strata.spi.SweepExecutorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a sweep file with the spec's YAML rules (safe parsing, unknown keys with suggestions, every
 * problem with file:line:col). Checks the sweep's own structure; the values are checked against the
 * base spec by {@link TrialPlanner}.
 */
public final class SweepParser {
    /** Grids larger than this are refused: almost certainly a mistake, and they would run for days. */
    public static final int MAX_TRIALS = 10_000;
    static final String DEFAULT_EXECUTOR = "local";

    private final PluginRegistry plugins;

    public SweepParser(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** Parses {@code text} as the sweep file {@code file}; throws a SpecException listing every problem. */
    public SweepSpec parse(String text, Path file) {
        return parse(text, file, List.of());
    }

    /**
     * As {@link #parse(String, Path)}, with {@code --set executor.KEY=VALUE} overrides applied to the
     * executor block first. Only the executor can be set: the rest of a sweep is what {@code --resume}
     * re-plans from the sweep file.
     */
    public SweepSpec parse(String text, Path file, List<String> executorOverrides) {
        String label = file.toString();
        ErrorCollector errors = new ErrorCollector();
        Optional<YamlNode> parsed = SafeYaml.parseFile(text, label, errors);
        if (parsed.isPresent() && parsed.get() instanceof YamlNode.Mapping root && !executorOverrides.isEmpty()) {
            overrideExecutor(root, executorOverrides, errors);
        }
        errors.throwIfAny(label);
        Optional<YamlBlock> maybe = YamlBlock.of(parsed.orElseThrow(), "", errors);
        errors.throwIfAny(label);
        YamlBlock sweep = maybe.orElseThrow();
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path base = sweep.required("base", "the base spec (base: my-model.yaml)")
                .flatMap(n -> YamlValues.string(n, "base", errors))
                .map(b -> resolveBase(b, folder, sweep.locationOf("base"), errors)).orElse(null);
        String strategyName = sweep.string("strategy").orElse("grid");
        SweepSpec.Strategy strategy = strategy(sweep, strategyName, errors);
        int trials = trials(sweep, strategy, errors);
        long seed = sweep.integer("seed").orElse(0L);
        if (seed < 0) {
            errors.add(Kind.OUT_OF_RANGE, sweep.locationOf("seed"), "seed", "seed must be >= 0, got " + seed,
                    "use a whole number >= 0");
        }
        List<SweptParameter> parameters = sweep.required("parameters", "the swept parameters (dotted paths "
                + "into the spec, each with a list or a range)").map(n -> DomainParser.parameters(n, strategy, errors))
                .orElse(List.of());
        Objective objective = sweep.required("objective", "the objective ({metric: test.accuracy, goal: maximize})")
                .flatMap(n -> objective(n, errors)).orElse(null);
        Selector executor = executor(sweep, folder, errors);
        boolean adaptive = strategy == SweepSpec.Strategy.ADAPTIVE;
        int startup = adaptive ? sweep.intAtLeast("startup_trials", 10, 1).orElse(10) : 10;
        if (!adaptive && sweep.has("startup_trials")) {
            errors.add(Kind.UNKNOWN_KEY, sweep.locationOf("startup_trials"), "startup_trials", "startup_trials applies"
                    + " only to an adaptive strategy such as tpe", "remove startup_trials, or set strategy: tpe");
        }
        Pruning pruning = sweep.node("pruner").flatMap(n -> PruningParser.read(n, objective, errors)).orElse(null);
        sweep.finish();
        if (strategy == SweepSpec.Strategy.GRID && errors.isEmpty()) {
            long size = 1;
            for (SweptParameter p : parameters) {
                size = Math.min((long) MAX_TRIALS + 1, size * DomainParser.count(p.domain()));
            }
            if (size > MAX_TRIALS) {
                errors.add(Kind.OUT_OF_RANGE, sweep.locationOf("parameters"), "parameters", "the grid has more than "
                        + MAX_TRIALS + " trials", "sweep fewer values, or use strategy: random with trials: N");
            }
        }
        errors.throwIfAny(label);
        if (pruning != null && pruning.kind().synchronous() && adaptive) {
            String name = pruning.kind().yamlName();
            errors.add(Kind.UNKNOWN_VALUE, sweep.locationOf("pruner"), "pruner", name + " trains every"
                    + " trial to a rung before any goes on, but strategy " + strategyName + " proposes one trial at a"
                    + " time from the results before it", "use pruner: {type: asha} with " + strategyName
                    + ", or strategy: grid or random with " + name);
            errors.throwIfAny(label);
        }
        if (pruning != null && !pruning.kind().synchronous() && executor != null
                && !executor.type().equals("local")) {
            errors.add(Kind.UNKNOWN_VALUE, sweep.locationOf("pruner"), "pruner", "the " + pruning.kind().yamlName()
                    + " pruner compares trials while they run, which the " + executor.type() + " executor does not"
                    + " report", "use pruner: {type: successive_halving} or {type: hyperband} (they compare trials"
                    + " between rungs, on any executor), or executor: {type: local}");
            errors.throwIfAny(label);
        }
        return new SweepSpec(file, base, sweep.locationOf("base"), strategy, trials, seed, parameters, objective,
                sweep.locationOf("objective"), executor, startup, pruning, adaptive ? strategyName : null);
    }

    /**
     * Applies executor overrides. A different {@code executor.type} starts a fresh block, since the
     * old block's parameters belong to the other executor: {@code --set executor.type=spark} turns
     * {@code {type: local, parallelism: auto}} into {@code {type: spark}} and keeps
     * {@code {type: spark, trials_per_task: 4}} as it is.
     */
    private static void overrideExecutor(YamlNode.Mapping root, List<String> overrides, ErrorCollector errors) {
        for (String text : overrides) {
            String key = text.contains("=") ? text.substring(0, text.indexOf('=')).strip() : text;
            if (!key.startsWith("executor.") && !key.equals("executor")) {
                errors.add(Kind.BAD_OVERRIDE, new Location("--set " + text, 0, 0), key,
                        "a sweep takes --set only for its executor (executor.type, executor.master, ...)",
                        "change " + key + " in the sweep file");
                continue;
            }
            if (key.equals("executor.type") && !text.substring(text.indexOf('=') + 1).strip()
                    .equals(executorType(root.get("executor")))) {
                YamlNode.Mapping fresh = new YamlNode.Mapping(new Location("--set " + text, 0, 0));
                root.put("executor", fresh.location(), fresh);
            } else if (root.get("executor") == null) {
                YamlNode.Mapping block = new YamlNode.Mapping(new Location("--set " + text, 0, 0));
                block.put("type", block.location(), new YamlNode.Scalar(YamlNode.ScalarType.STRING, DEFAULT_EXECUTOR,
                        block.location()));
                root.put("executor", block.location(), block);
            }
            Overrides.apply(root, List.of(text), errors);
        }
    }

    private static String executorType(YamlNode executor) {
        if (executor instanceof YamlNode.Scalar name) {
            return name.text();
        }
        return executor instanceof YamlNode.Mapping block && block.get("type") instanceof YamlNode.Scalar type
                ? type.text() : DEFAULT_EXECUTOR;
    }

    private static Path resolveBase(String text, Path folder, Location location, ErrorCollector errors) {
        Path path;
        try {
            path = folder.resolve(text).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            errors.add(Kind.PATH_NOT_FOUND, location, "base", "'" + text + "' is not a valid path", "check the path");
            return null;
        }
        if (!Files.isRegularFile(path)) {
            errors.add(Kind.PATH_NOT_FOUND, location, "base", "no spec file " + path, "give the base spec's path, "
                    + "relative to the sweep file");
            return null;
        }
        return path;
    }

    /** {@code grid} and {@code random} are the engine's; any other name must be a search strategy plugin. */
    private SweepSpec.Strategy strategy(YamlBlock sweep, String name, ErrorCollector errors) {
        if (name.equals("grid") || name.equals("random")) {
            return name.equals("grid") ? SweepSpec.Strategy.GRID : SweepSpec.Strategy.RANDOM;
        }
        Set<String> adaptive = plugins.factories(SearchStrategyFactory.class).keySet();
        if (adaptive.contains(name)) {
            return SweepSpec.Strategy.ADAPTIVE;
        }
        List<String> names = new ArrayList<>(List.of("grid", "random"));
        names.addAll(new TreeSet<>(adaptive));
        errors.add(Kind.UNKNOWN_VALUE, sweep.locationOf("strategy"), "strategy", "unknown strategy '" + name
                + "'", Suggestions.fix(name, names));
        return SweepSpec.Strategy.GRID;
    }

    private static int trials(YamlBlock sweep, SweepSpec.Strategy strategy, ErrorCollector errors) {
        if (strategy == SweepSpec.Strategy.GRID) {
            if (sweep.has("trials")) {
                errors.add(Kind.UNKNOWN_KEY, sweep.locationOf("trials"), "trials", "trials applies only to "
                        + "strategy: random or tpe (a grid runs every combination)", "remove trials, or set strategy:"
                        + " random");
            }
            return 0;
        }
        if (!sweep.has("trials")) {
            errors.add(Kind.MISSING_KEY, sweep.location(), "trials", "missing trials (required with strategy: "
                    + strategy.yamlName() + ")",
                    "add e.g. trials: 20");
            return 0;
        }
        int trials = sweep.intAtLeast("trials", null, 1).orElse(0);
        if (trials > MAX_TRIALS) {
            errors.add(Kind.OUT_OF_RANGE, sweep.locationOf("trials"), "trials", "trials must be <= " + MAX_TRIALS
                    + ", got " + trials, "run fewer trials");
        }
        return trials;
    }

    private static Optional<Objective> objective(YamlNode node, ErrorCollector errors) {
        return YamlBlock.of(node, "objective", errors).flatMap(block -> {
            int before = errors.size();
            Optional<String> metric = block.required("metric", "the metric to optimise, e.g. test.accuracy")
                    .flatMap(n -> YamlValues.string(n, block.pathOf("metric"), errors));
            if (metric.isPresent() && !Objective.METRICS.contains(metric.get())) {
                errors.add(Kind.UNKNOWN_VALUE, block.locationOf("metric"), block.pathOf("metric"), "unknown metric '"
                        + metric.get() + "'", Suggestions.fix(metric.get(), Objective.METRICS));
            }
            String goal = block.string("goal").orElse("maximize");
            if (!goal.equals("maximize") && !goal.equals("minimize")) {
                errors.add(Kind.UNKNOWN_VALUE, block.locationOf("goal"), block.pathOf("goal"), "unknown goal '" + goal
                        + "'", Suggestions.fix(goal, List.of("maximize", "minimize")));
            }
            block.finish();
            return errors.size() == before ? Optional.of(new Objective(metric.get(), goal.equals("maximize")))
                    : Optional.empty();
        });
    }

    /** The executor plugin, its parameters checked by the spec rules and then by the factory itself. */
    private Selector executor(YamlBlock sweep, Path folder, ErrorCollector errors) {
        YamlNode node = sweep.node("executor").orElse(new YamlNode.Scalar(YamlNode.ScalarType.STRING,
                DEFAULT_EXECUTOR, sweep.location()));
        node = integersAsText(node);
        ParamsReader reader = new ParamsReader(folder, Path.of("").toAbsolutePath(), errors);
        Optional<Selector> selector = reader.selector(node, "executor", "sweep executor",
                plugins.factories(SweepExecutorFactory.class), SweepExecutorFactory::parameters);
        if (selector.isEmpty()) {
            return null;
        }
        try {
            plugins.get(SweepExecutorFactory.class, selector.get().type())
                    .create(selector.get().params(), HostContext.forChecking()).close();
        } catch (BadInputException e) {
            errors.add(Kind.OUT_OF_RANGE, node.location(), "executor", e.getMessage(), "");
        }
        return selector.get();
    }

    /**
     * {@code parallelism: 2} for a string parameter that also takes {@code auto}: a plain integer is
     * read as its text, so users need not quote it.
     */
    private YamlNode integersAsText(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)
                || !(mapping.get("type") instanceof YamlNode.Scalar type)
                || !plugins.factories(SweepExecutorFactory.class).containsKey(type.text())) {
            return node;
        }
        List<String> strings = plugins.factories(SweepExecutorFactory.class).get(type.text()).parameters().stream()
                .filter(p -> p.type() == dev.strata.spi.ParamType.STRING).map(dev.strata.spi.ParamSpec::name).toList();
        YamlNode.Mapping copy = new YamlNode.Mapping(mapping.location());
        for (YamlNode.Entry entry : mapping.entries().values()) {
            YamlNode value = entry.value();
            if (strings.contains(entry.key()) && value instanceof YamlNode.Scalar s
                    && s.type() == YamlNode.ScalarType.INT) {
                value = new YamlNode.Scalar(YamlNode.ScalarType.STRING, s.text(), s.location());
            }
            copy.put(entry.key(), entry.keyLocation(), value);
        }
        return copy;
    }
}
