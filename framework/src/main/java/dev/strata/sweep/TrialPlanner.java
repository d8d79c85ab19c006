package dev.strata.sweep;

import dev.strata.io.JsonFiles;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.Location;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Selector;
import dev.strata.spec.SpecError;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.SpecException;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecWriter;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spi.Params;
import dev.strata.spi.SearchStrategyFactory;
import dev.strata.spi.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands a sweep into its trials and builds every trial's spec up front through the spec loader,
 * so that a path the spec does not have, or a value it refuses, is reported with the sweep file's
 * line before any trial starts.
 *
 * <p>Grid order: the first parameter varies slowest (like nested loops in file order). Random: one
 * {@link Random} seeded with the sweep's seed draws every parameter of trial 1, then of trial 2, ...
 * Trial ids are {@code t0001-<hash>}: the position in that order and a hash of the values, so a
 * resumed sweep can check that it plans the same trials.
 */
public final class TrialPlanner {
    /** The swept path whose list-of-integers values are layer widths. */
    public static final String LAYERS = "model.layers";

    /** Errors that say the path is wrong, not the value. */
    private static final Set<Kind> PATH_ERRORS = Set.of(Kind.UNKNOWN_KEY, Kind.OVERRIDE_PATH, Kind.BAD_OVERRIDE);

    private final SpecLoader specs;

    public TrialPlanner(SpecLoader specs) {
        this.specs = specs;
    }

    /**
     * The resolved base spec and every trial, in id order; for an adaptive strategy (TPE) no trials
     * but the proposer of each next one.
     *
     * @param steps the longest training of any planned trial (the base's for an adaptive strategy), in
     *     epochs or iterations: what a pruner's rungs must lie within
     */
    public record Plan(ModelSpec base, List<Trial> trials, Adaptive adaptive, int steps) {
        public Plan {
            trials = List.copyOf(trials);
        }
    }

    /** Plans trial {@code index} (0-based) of an adaptive strategy from the results so far. */
    public interface Adaptive {
        int total();

        Trial next(int index, List<TrialResult> finished);
    }

    /** One value of one parameter in one trial, with its position in the parameter's list (or -1). */
    /** A trial's value of one parameter, and its index in the parameter's list (for messages), or −1. */
    record Pick(Object value, int index) {
    }

    /** @throws SpecException every problem of the base spec, or of the trials with sweep-file locations */
    public Plan plan(SweepSpec sweep, SearchStrategyFactory strategy) {
        ModelSpec base = specs.load(sweep.base(), List.of());
        String baseText;
        try {
            baseText = Files.readString(sweep.base(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + sweep.base() + " failed: " + e.getMessage(), e);
        }
        boolean adaptive = sweep.strategy() == SweepSpec.Strategy.ADAPTIVE;
        // an adaptive strategy's values are not known before: its extremes are checked against the spec instead
        List<List<Pick>> picks = sweep.strategy() == SweepSpec.Strategy.GRID ? Picks.grid(sweep.parameters())
                : adaptive ? Picks.extremes(sweep.parameters()) : Picks.random(sweep.parameters(), sweep.trials(), sweep.seed());
        ErrorCollector errors = new ErrorCollector();
        Set<String> reported = new LinkedHashSet<>();
        int[] longest = {0};
        List<Trial> trials = build(picks, 0, sweep, base, baseText, errors, reported, longest);
        errors.throwIfAny(sweep.file().toString());
        if (!adaptive) {
            return new Plan(base, trials, null, longest[0]);
        }
        AdaptiveSearch search = new AdaptiveSearch(sweep, strategy);
        return new Plan(base, List.of(), new Adaptive() {
            @Override
            public int total() {
                return sweep.trials();
            }

            @Override
            public Trial next(int index, List<TrialResult> finished) {
                ErrorCollector trialErrors = new ErrorCollector();
                List<Trial> one = build(List.of(search.propose(index, finished)), index, sweep, base, baseText,
                        trialErrors, new LinkedHashSet<>(), new int[1]);
                trialErrors.throwIfAny(sweep.file().toString());
                return one.get(0);
            }
        }, base.training().steps());
    }

    /**
     * The trials of {@code picks}, numbered from {@code first}; a refused value goes to {@code errors},
     * the longest training into {@code longest[0]}.
     */
    private List<Trial> build(List<List<Pick>> picks, int first, SweepSpec sweep, ModelSpec base, String baseText,
            ErrorCollector errors, Set<String> reported, int[] longest) {
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < picks.size(); t++) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            Map<String, SweptParameter> byOverride = new LinkedHashMap<>();
            Map<String, Integer> indexByOverride = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>();
            boolean usable = true;
            for (int p = 0; p < sweep.parameters().size(); p++) {
                SweptParameter parameter = sweep.parameters().get(p);
                Pick pick = picks.get(t).get(p);
                parameters.put(parameter.path(), pick.value());
                Object specValue = specValue(parameter, pick, base, errors, reported);
                if (specValue == null) {
                    usable = false;
                    continue;
                }
                String override = parameter.path() + "=" + YamlText.flow(specValue);
                overrides.add(override);
                byOverride.put("--set " + override, parameter);
                indexByOverride.put("--set " + override, pick.index());
            }
            String id = id(first + t, parameters);
            if (!usable) {
                continue;
            }
            try {
                ModelSpec spec = specs.loadString(baseText, sweep.base(), overrides);
                trials.add(new Trial(id, parameters, SpecWriter.toYaml(spec)));
                longest[0] = Math.max(longest[0], spec.training().steps());
            } catch (SpecException e) {
                for (SpecError error : e.errors()) {
                    relocate(error, id, parameters, byOverride, indexByOverride, sweep, errors, reported);
                }
            }
        }
        return trials;
    }

    /** Moves an error of a trial's spec to the sweep file: to the value that caused it when known. */
    private static void relocate(SpecError error, String id, Map<String, Object> parameters,
            Map<String, SweptParameter> byOverride, Map<String, Integer> indexByOverride, SweepSpec sweep,
            ErrorCollector errors, Set<String> reported) {
        SweptParameter parameter = byOverride.get(error.location().file());
        Location where;
        String message;
        if (parameter != null && PATH_ERRORS.contains(error.kind())) {
            // The path is wrong whatever the value: report it once, at the key.
            where = parameter.keyLocation();
            message = "not a path of the base spec " + sweep.base().getFileName() + ": " + error.message();
        } else if (parameter != null) {
            where = parameter.locationOf(indexByOverride.get(error.location().file()));
            message = "the value " + YamlText.flow(parameters.get(parameter.path())) + " is refused by the spec: "
                    + error.message();
        } else {
            // Not caused by one value alone (e.g. the loss no longer fits the output layer).
            where = sweep.parameters().isEmpty() ? sweep.baseLocation() : sweep.parameters().get(0).keyLocation();
            // the fix follows once, from the error itself
            message = "trial " + id + " " + YamlText.flow(parameters) + " makes the base spec invalid: "
                    + new SpecError(error.location(), error.path(), error.message(), "", error.kind()).format();
        }
        if (reported.add(where + "|" + error.message())) {
            errors.add(error.kind(), where, parameter == null ? "parameters" : "parameters." + parameter.path(), message,
                    error.fix());
        }
    }

    /** The value to set at the parameter's path: layer widths become full layers; others as they are. */
    private static Object specValue(SweptParameter parameter, Pick pick, ModelSpec base, ErrorCollector errors,
            Set<String> reported) {
        if (!parameter.path().equals(LAYERS) || !(pick.value() instanceof List<?> list)) {
            return pick.value();
        }
        boolean widths = list.stream().allMatch(v -> v instanceof Long);
        boolean layers = list.stream().allMatch(v -> v instanceof Map);
        Location where = parameter.locationOf(pick.index());
        if (!widths && !layers || list.isEmpty()) {
            if (reported.add(where + "|layers")) {
                errors.add(Kind.WRONG_TYPE, where, "parameters." + LAYERS, "expected a list of layer widths "
                        + "[20, 7, 1] or of full layers [{units: 20, activation: relu}, ...], got "
                        + YamlText.flow(list), "write one kind of list, with at least one layer");
            }
            return null;
        }
        if (layers) {
            return list;
        }
        List<LayerSpec> baseLayers = base.model().layers();
        if (list.size() > 1 && baseLayers.size() < 2) {
            if (reported.add(where + "|hidden")) {
                errors.add(Kind.WRONG_TYPE, where, "parameters." + LAYERS, "the base spec has no hidden layer to "
                        + "take the hidden activation from", "write the layers in full, e.g. [{units: 7, activation: "
                                + "relu}, {units: 1, activation: sigmoid}]");
            }
            return null;
        }
        return widthsToLayers(list, baseLayers);
    }

    /**
     * Layer widths as full layers: hidden layers copy the base's first hidden layer (activation and
     * initializer), the last layer copies the base's output layer. Widths stay integers.
     */
    static List<Map<String, Object>> widthsToLayers(List<?> widths, List<LayerSpec> baseLayers) {
        LayerSpec hidden = baseLayers.get(0);
        LayerSpec output = baseLayers.get(baseLayers.size() - 1);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            LayerSpec template = i == widths.size() - 1 ? output : hidden;
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("units", widths.get(i));
            layer.put("activation", selector(template.activation()));
            if (template.initializer() != null) {
                layer.put("initializer", selector(template.initializer()));
            }
            out.add(layer);
        }
        return out;
    }

    private static Map<String, Object> selector(Selector selector) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", selector.type());
        Params params = selector.params();
        params.asMap().forEach((k, v) -> out.put(k, v instanceof Path p ? p.toString() : v));
        return out;
    }

    /** {@code t0007-3fa9c1}: 1-based position, then a hash of the values. */
    static String id(int index, Map<String, Object> parameters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JsonFiles.line(parameters).getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "t%04d-%s", index + 1, HexFormat.of().formatHex(digest, 0, 3));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
