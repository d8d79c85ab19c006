package dev.strata.sweep;

import dev.strata.io.AtomicFiles;
import dev.strata.io.Charts;
import dev.strata.io.IOConsumer;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecWriter;
import dev.strata.spi.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a finished sweep leaves besides its results files: {@code summary.md} (trials ranked by the
 * objective, ties broken by the lower final cost; the best spec's changes from the base),
 * {@code best.yaml} (the best trial's resolved spec) and one chart per swept parameter of the
 * objective against its values.
 */
public final class SweepReport {
    public static final String SUMMARY = "summary.md";
    public static final String BEST = "best.yaml";

    private SweepReport() {
    }

    /** Trials that succeeded with a finite objective, best first; then the others by id. */
    public static List<TrialResult> rank(java.util.Collection<TrialResult> results, Objective objective) {
        Comparator<TrialResult> byObjective = Comparator.comparingDouble(r -> r.metric(objective.metric()));
        if (objective.maximize()) {
            byObjective = byObjective.reversed();
        }
        Comparator<TrialResult> ranked = byObjective
                .thenComparingDouble(r -> Double.isNaN(r.metric("final_cost")) ? Double.MAX_VALUE : r.metric("final_cost"))
                .thenComparing(TrialResult::id);
        List<TrialResult> good = new ArrayList<>();
        List<TrialResult> rest = new ArrayList<>();
        for (TrialResult r : results) {
            (r.ok() && Double.isFinite(r.metric(objective.metric())) ? good : rest).add(r);
        }
        good.sort(ranked);
        rest.sort(Comparator.comparing(TrialResult::id));
        good.addAll(rest);
        return good;
    }

    /**
     * Writes summary.md, best.yaml (when a trial succeeded) and the charts.
     *
     * @return the best trial, or {@code null} when none succeeded
     */
    public static TrialResult write(Path dir, SweepSpec sweep, ModelSpec base, int steps, List<Trial> trials,
            Map<String, TrialResult> results) throws IOException {
        List<TrialResult> ranked = rank(results.values(), sweep.objective());
        TrialResult best = !ranked.isEmpty() && ranked.get(0).ok()
                && Double.isFinite(ranked.get(0).metric(sweep.objective().metric())) ? ranked.get(0) : null;
        Map<String, String> specs = new LinkedHashMap<>();
        trials.forEach(t -> specs.put(t.id(), t.specYaml()));
        if (best != null) {
            AtomicFiles.writeString(dir.resolve(BEST), specs.get(best.id()));
        }
        // the charts are independent and the cores idle once the trials are done: draw them side by side
        List<IOConsumer<Path>> drawings = new ArrayList<>();
        Map<String, List<String>> labels = charts(sweep, ranked, drawings);
        drawings.add(folder -> SearchReport.historyChart(folder, sweep, results));
        try {
            drawings.parallelStream().forEach(drawing -> {
                try {
                    drawing.accept(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String summary = markdown(sweep, base, ranked, best, best == null ? null : specs.get(best.id()), labels,
                sweep.strategy() == SweepSpec.Strategy.ADAPTIVE ? sweep.trials() : trials.size());
        int at = summary.indexOf("## Trials");
        String search = SearchReport.markdown(sweep, base, steps, results);
        summary = at < 0 ? summary + search : summary.substring(0, at) + search + summary.substring(at);
        AtomicFiles.writeString(dir.resolve(SUMMARY), summary);
        return best;
    }

    /** One PNG per parameter, added to {@code drawings}; categorical values plotted at indices, whose labels are returned. */
    private static Map<String, List<String>> charts(SweepSpec sweep, List<TrialResult> ranked,
            List<IOConsumer<Path>> drawings) {
        Map<String, List<String>> categorical = new LinkedHashMap<>();
        String metric = sweep.objective().metric();
        for (SweptParameter parameter : sweep.parameters()) {
            List<Object> values = ranked.stream().map(r -> r.parameters().get(parameter.path())).toList();
            boolean numeric = values.stream().allMatch(v -> v instanceof Number);
            boolean log = numeric && logScale(values, parameter.domain());
            // Categories are numbered in the sweep file's order when it lists them.
            List<String> labels = new ArrayList<>();
            if (parameter.domain() instanceof Domain.Choices choices) {
                choices.values().stream().map(ResultsLog::shownText).distinct().forEach(labels::add);
            }
            List<Double> x = new ArrayList<>();
            for (Object v : values) {
                if (numeric) {
                    double d = ((Number) v).doubleValue();
                    x.add(log ? Math.log10(d) : d);
                } else {
                    String label = ResultsLog.shownText(v);
                    if (!labels.contains(label)) {
                        labels.add(label);
                    }
                    x.add((double) labels.indexOf(label));
                }
            }
            if (!numeric) {
                categorical.put(parameter.path(), labels);
            }
            List<Double> y = ranked.stream().map(r -> r.metric(metric)).toList();
            String xLabel = log ? "log10(" + parameter.path() + ")"
                    : numeric ? parameter.path() : parameter.path() + " (index; labels in summary.md)";
            drawings.add(dir -> Charts.scatter(metric + " against " + parameter.path(), xLabel, metric, x, y,
                    dir.resolve(chartName(parameter.path()))));
        }
        return categorical;
    }

    /** Learning rates and other values spanning decades read better on a log axis. */
    private static boolean logScale(List<Object> values, Domain domain) {
        if (domain instanceof Domain.Distribution d) {
            return d.kind() == Domain.Distribution.Kind.LOG_UNIFORM;
        }
        double min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
        double max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
        return min > 0 && max / min >= 100;
    }

    /** {@code chart-optimizer.learning_rate.png}; brackets and slashes made safe for file names. */
    public static String chartName(String path) {
        return "chart-" + path.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
    }

    private static String markdown(SweepSpec sweep, ModelSpec base, List<TrialResult> ranked, TrialResult best,
            String bestYaml, Map<String, List<String>> labels, int planned) {
        String metric = sweep.objective().metric();
        StringBuilder md = new StringBuilder("# Sweep of ").append(base.name()).append("\n\n");
        long failed = ranked.stream().filter(r -> !r.ok() && !r.pruned()).count();
        long pruned = ranked.stream().filter(TrialResult::pruned).count();
        md.append(String.format(Locale.ROOT, "%s sweep over %d parameter%s: %d of %d trials done, %d failed"
                + (pruned > 0 ? ", " + pruned + " pruned" : "") + ". "
                + "Objective: %s %s (ties broken by the lower final cost).%n%n", sweep.strategyName(),
                sweep.parameters().size(), sweep.parameters().size() == 1 ? "" : "s", ranked.size(), planned, failed,
                sweep.objective().goal(), metric));
        if (sweep.objective().tunesOnTest()) {
            md.append("**This sweep ranks trials on the test set** (").append(metric).append("), so the best trial's"
                    + " test figures are tuned on it and overstate how it does on new data. Rank on validation data"
                    + " instead: add `data.validation: {split: 0.2}` to the base spec and use `objective.metric:"
                    + " validation.").append(metric.substring("test.".length())).append("`.\n\n");
        }
        if (best != null) {
            md.append(String.format(Locale.ROOT, "**Best: %s** with %s = %s (final cost %s); its spec is in `%s`, "
                    + "its run in `trials/%s/`.%n%n", best.id(), metric, num(best.metric(metric)),
                    num(best.metric("final_cost")), BEST, best.id()));
        } else {
            md.append("No trial succeeded.\n\n");
        }
        md.append("## Trials, best first\n\n| rank | trial |");
        sweep.parameters().forEach(p -> md.append(' ').append(p.path()).append(" |"));
        md.append(' ').append(metric).append(" | final cost | seconds | status |\n|---|---|");
        md.append("---|".repeat(sweep.parameters().size() + 4)).append('\n');
        int rank = 0;
        for (TrialResult r : ranked) {
            md.append("| ").append(r.ok() ? Integer.toString(++rank) : "-").append(" | ").append(r.id()).append(" |");
            sweep.parameters().forEach(p -> md.append(' ').append(ResultsLog.shownText(r.parameters().get(p.path())))
                    .append(" |"));
            md.append(' ').append(num(r.metric(metric))).append(" | ").append(num(r.metric("final_cost")))
                    .append(String.format(Locale.ROOT, " | %.1f | ", r.seconds()))
                    .append(r.ok() ? "ok" : r.pruned() ? r.prunedText(base.training().minibatch()) : "failed: " + firstLine(r.error()).replace("|", "\\|"))
                    .append(" |\n");
        }
        if (bestYaml != null) {
            md.append("\n## The best spec's changes from the base\n\n");
            md.append(diff(SpecWriter.toYaml(base), bestYaml));
        }
        md.append(ParameterImportance.markdown(sweep.parameters(), ranked, metric));
        md.append("\n## Charts\n\n");
        for (SweptParameter p : sweep.parameters()) {
            md.append("![").append(metric).append(" against ").append(p.path()).append("](")
                    .append(chartName(p.path())).append(")\n");
            List<String> names = labels.get(p.path());
            if (names != null) {
                md.append("\n").append(p.path()).append(" indices: ");
                for (int i = 0; i < names.size(); i++) {
                    md.append(i == 0 ? "" : ", ").append(i).append(" = `").append(names.get(i)).append('`');
                }
                md.append("\n\n");
            }
        }
        return md.toString();
    }

    /** A table of the keys whose values differ, as dotted paths. */
    static String diff(String baseYaml, String bestYaml) {
        Map<String, Object> before = flatten(load(baseYaml));
        Map<String, Object> after = flatten(load(bestYaml));
        StringBuilder md = new StringBuilder("| key | base | best |\n|---|---|---|\n");
        List<String> keys = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(keys::add);
        int changed = 0;
        for (String key : keys) {
            Object a = before.get(key);
            Object b = after.get(key);
            if (!Objects.equals(a, b)) {
                changed++;
                md.append("| ").append(key).append(" | ").append(a == null ? "(absent)" : a).append(" | ")
                        .append(b == null ? "(absent)" : b).append(" |\n");
            }
        }
        return changed == 0 ? "None: the best trial is the base spec.\n" : md.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(yaml);
    }

    private static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", map, out);
        return out;
    }

    private static void flatten(String path, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "." + k, v, out));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(path, value);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
