package dev.strata.sweep;

import dev.strata.io.Charts;
import dev.strata.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What summary.md says about a search beyond its ranking: its history and what pruning saved. */
final class SearchReport {
    static final String HISTORY = "history.png";

    private SearchReport() {
    }

    /** The optimisation history: each trial's objective in trial order and the best so far. */
    static void historyChart(Path dir, SweepSpec sweep, Map<String, TrialResult> results) throws IOException {
        String metric = sweep.objective().metric();
        List<Double> values = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        double sofar = Double.NaN;
        for (TrialResult r : inOrder(results)) {
            double v = r.ok() || r.pruned() ? r.metric(metric) : Double.NaN;
            values.add(v);
            if (r.ok() && Double.isFinite(v) && (Double.isNaN(sofar) || sweep.objective().better(v, sofar))) {
                sofar = v;
            }
            best.add(sofar);
        }
        Charts.history("optimisation history: " + metric, metric, values, best, dir.resolve(HISTORY));
    }

    /** Markdown: pruned trials and the epochs saved, and the history chart. */
    static String markdown(SweepSpec sweep, ModelSpec base, int steps, Map<String, TrialResult> results) {
        StringBuilder md = new StringBuilder("## Search\n\n");
        if (sweep.strategy() == SweepSpec.Strategy.ADAPTIVE) {
            md.append(String.format(Locale.ROOT, "Strategy %s: %d random trials, then each trial proposed from the"
                    + " results before it; seed %d.%n%n", sweep.strategyName(), sweep.startupTrials(), sweep.seed()));
        }
        Pruning p = sweep.pruning();
        if (p != null) {
            long pruned = results.values().stream().filter(TrialResult::pruned).count();
            double trained = results.values().stream().mapToDouble(r -> Double.isFinite(r.metric(LocalTrialRunner
                    .STEPS)) ? r.metric(LocalTrialRunner.STEPS) : steps).sum();
            double full = (double) steps * results.size();
            String unit = base.training().minibatch() ? "epochs" : "iterations";
            md.append(String.format(Locale.ROOT, "Pruner: %s. %d of %d trials were stopped early; they trained %,.0f"
                    + " %s in all, against %,.0f had every trial run to the end: %.0f%% saved.%n%n",
                    p.kind() == Pruning.Kind.HYPERBAND ? "Hyperband (reduction factor " + p.reductionFactor() + ", "
                            + p.brackets(steps).size() + " brackets, their first rungs at " + p.rungs(steps) + " "
                            + unit + ", trials dealt to them in turn)"
                    : p.kind().rungs() ? (p.kind() == Pruning.Kind.ASHA ? "ASHA" : "successive halving")
                            + " (reduction factor " + p.reductionFactor() + ", rungs at "
                            + p.rungs(steps) + " " + unit + ")" : "median rule (warm-up "
                            + p.warmupSteps() + " " + unit + ", " + p.startupTrials() + " startup trials)",
                    pruned, results.size(), trained, unit, full, full > 0 ? 100 * (1 - trained / full) : 0));
            md.append(p.kind().synchronous() ? "The pruner decides synchronously: every"
                    + " trial reaches a rung before any goes on, so the decisions are the same on every executor and in"
                    + " every order of completion.\n\n" : "The pruner decides asynchronously: each trial is compared"
                    + " with the trials that reached the same step before it, so with several trials at a time the"
                    + " order in which they get there can change which ones stop (one trial at a time, `parallelism:"
                    + " 1`, decides the same way on every run; `successive_halving` decides the same way always).\n\n");
            if (!p.kind().synchronous()) {
                asynchrony(md, AsynchronyCheck.differences(p, sweep.objective().maximize(), inOrder(results),
                        base.training().minibatch()));
            }
        }
        md.append("![optimisation history](").append(HISTORY).append(")\n\n");
        return md.toString();
    }

    /** Says which decisions the order of completion changed, against deciding the same values in trial order. */
    private static void asynchrony(StringBuilder md, List<String> differences) {
        if (differences.isEmpty()) {
            md.append("Deciding the recorded values in trial order, as one trial at a time does, gives the same"
                    + " decisions.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "Deciding the recorded values in trial order, as one trial at a time"
                + " does, changes %d decision%s:%n%n", differences.size(), differences.size() == 1 ? "" : "s"));
        int shown = Math.min(differences.size(), 10);
        differences.subList(0, shown).forEach(d -> md.append("- ").append(d).append('\n'));
        if (shown < differences.size()) {
            md.append("- and ").append(differences.size() - shown).append(" more\n");
        }
        md.append('\n');
    }

    private static List<TrialResult> inOrder(Map<String, TrialResult> results) {
        List<TrialResult> out = new ArrayList<>(results.values());
        out.sort(Comparator.comparing(TrialResult::id));
        return out;
    }
}
