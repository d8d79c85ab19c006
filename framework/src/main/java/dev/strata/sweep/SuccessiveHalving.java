package dev.strata.sweep;

import dev.strata.spi.SweepExecutor;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Synchronous successive halving ({@code pruner: {type: successive_halving}}): every trial trains to
 * the first rung, the best {@code max(1, n / η)} of the {@code n} that reached it go on to the next,
 * and so on; the rest are recorded as pruned. A rung is one call of the executor, so the decisions
 * depend only on the values at the rungs, never on the executor or the order trials finish in, and
 * a resumed sweep makes them again from the values recorded so far (trials that were still running
 * train again from the start, which reproduces them exactly).
 */
final class SuccessiveHalving {
    private final Pruning pruning;
    private final Objective objective;
    private final int totalSteps;
    private final boolean minibatch;
    private final Consumer<String> progress;

    /**
     * @param minibatch whether the steps are epochs (else iterations)
     * @param progress where a line per rung goes (how many reached it and went on)
     */
    SuccessiveHalving(Pruning pruning, Objective objective, int totalSteps, boolean minibatch,
            Consumer<String> progress) {
        this.pruning = pruning;
        this.objective = objective;
        this.totalSteps = totalSteps;
        this.minibatch = minibatch;
        this.progress = progress;
    }

    /**
     * Runs a sweep's {@code pending} trials under {@code pruning}: one successive halving, or for
     * Hyperband one per bracket, bracket after bracket, trial {@code i} of the plan ({@code planned},
     * in plan order) in bracket {@code i mod brackets}.
     */
    static void runAll(Pruning pruning, Objective objective, int total, boolean minibatch, List<Trial> planned,
            List<Trial> pending, Map<String, TrialResult> recorded, SweepExecutor executor, LocalTrialRunner runner,
            Consumer<TrialOutcome> record, Consumer<String> progress) throws InterruptedException {
        if (pruning.kind() != Pruning.Kind.HYPERBAND) {
            new SuccessiveHalving(pruning, objective, total, minibatch, progress).run(pending, recorded, executor, runner,
                    record);
            return;
        }
        List<Pruning> brackets = pruning.brackets(total);
        Map<String, Integer> bracketOf = new java.util.HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            bracketOf.put(planned.get(i).id(), i % brackets.size());
        }
        for (int b = 0; b < brackets.size(); b++) {
            int bracket = b;
            List<Trial> mine = pending.stream().filter(t -> bracketOf.get(t.id()) == bracket).toList();
            Map<String, TrialResult> theirs = new LinkedHashMap<>();
            recorded.forEach((id, r) -> {
                if (bracketOf.getOrDefault(id, -1) == bracket) {
                    theirs.put(id, r);
                }
            });
            if (mine.isEmpty()) {
                continue;
            }
            progress.accept(String.format(java.util.Locale.ROOT, "Bracket %d of %d: %d trial%s, first rung at %s",
                    b + 1, brackets.size(), mine.size() + theirs.size(), mine.size() + theirs.size() == 1 ? "" : "s",
                    Pruning.steps(brackets.get(b).minSteps(), minibatch)));
            new SuccessiveHalving(brackets.get(b), objective, total, minibatch, progress).run(mine, theirs, executor, runner,
                    record);
        }
    }

    /**
     * Runs {@code pending} through the rungs and to the end, handing each trial's final outcome
     * (pruned, finished or failed) to {@code record} once. {@code recorded} are the results of an
     * interrupted run of the same sweep: they take part in each rung they reached.
     */
    void run(List<Trial> pending, Map<String, TrialResult> recorded, SweepExecutor executor, LocalTrialRunner runner,
            Consumer<TrialOutcome> record) throws InterruptedException {
        List<Trial> alive = new ArrayList<>(pending);
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Map<String, Double>> rungValues = new LinkedHashMap<>();
        List<Integer> rungs = pruning.rungs(totalSteps);
        for (int k = 0; k < rungs.size() && !alive.isEmpty(); k++) {
            int rung = rungs.get(k);
            runner.rung(rung, k > 0, objective.metric());
            Map<String, TrialOutcome> outcomes = new ConcurrentHashMap<>();
            executor.execute(alive, runner, o -> outcomes.put(o.id(), o));
            Map<String, Double> values = new LinkedHashMap<>();
            for (Trial trial : alive) {
                TrialOutcome o = outcomes.get(trial.id());
                seconds.merge(trial.id(), o == null ? 0 : o.seconds(), Double::sum);
                if (o == null || !TrialOutcome.PRUNED.equals(o.status())) {
                    // failed, or finished before the rung (early stopping, fewer epochs): final as it is
                    record.accept(o == null ? failed(trial.id()) : withSeconds(o, seconds.get(trial.id()),
                            withRungs(o.metrics(), rungValues.get(trial.id()))));
                    continue;
                }
                rungValues.computeIfAbsent(trial.id(), id -> new TreeMap<>()).putAll(prunerValues(o.metrics()));
                values.put(trial.id(), o.metrics().getOrDefault(Pruner.KEY + rung, Double.NaN));
            }
            recorded.values().forEach(r -> {
                double v = r.metric(Pruner.KEY + rung);
                if (!Double.isNaN(v)) {
                    values.putIfAbsent(r.id(), v);
                }
            });
            List<String> promoted = promoted(values);
            List<Trial> next = new ArrayList<>();
            for (Trial trial : alive) {
                TrialOutcome o = outcomes.get(trial.id());
                if (!values.containsKey(trial.id())) {
                    continue;
                }
                if (promoted.contains(trial.id())) {
                    next.add(trial);
                } else {
                    dropCheckpoint(runner, trial.id());
                    record.accept(withSeconds(o, seconds.get(trial.id()), withRungs(o.metrics(),
                            rungValues.get(trial.id()))));
                }
            }
            // promoted counts the recorded trials that went on before an interruption too, as reached counts them
            progress.accept(rungLine(k, rungs, values.size(), promoted.size(), alive.size() - reached(alive, values)));
            alive = next;
        }
        if (alive.isEmpty()) {
            return;
        }
        runner.rung(0, !rungs.isEmpty(), objective.metric());
        List<Trial> last = alive;
        executor.execute(last, runner, o -> record.accept(withSeconds(o, seconds.getOrDefault(o.id(), 0.0)
                + o.seconds(), withRungs(o.metrics(), rungValues.get(o.id())))));
    }

    /** A rung's console line: how many trials reached it and how many go on (or finished before it). */
    private String rungLine(int k, List<Integer> rungs, int reached, int promoted, int finished) {
        String at = "Rung at " + Pruning.steps(rungs.get(k), minibatch) + ": ";
        String before = finished == 0 ? "" : String.format(java.util.Locale.ROOT, "; %d finished or failed before it",
                finished);
        if (reached == 0) {
            return at + "no trial reached it" + before;
        }
        return at + String.format(java.util.Locale.ROOT, "%d trial%s reached it, %d go%s on to %s%s", reached,
                reached == 1 ? "" : "s", promoted, promoted == 1 ? "es" : "", k + 1 < rungs.size()
                        ? Pruning.steps(rungs.get(k + 1), minibatch) : "the end", before);
    }

    /** How many of {@code alive} reached the rung (have a value there). */
    private static int reached(List<Trial> alive, Map<String, Double> values) {
        return (int) alive.stream().filter(t -> values.containsKey(t.id())).count();
    }

    /**
     * The trials that go on from a rung: the best {@code max(1, n / η)} of its {@code n} values (NaN
     * last), ties to the earlier trial.
     */
    List<String> promoted(Map<String, Double> values) {
        Comparator<Map.Entry<String, Double>> best = Comparator.comparing(
                (Map.Entry<String, Double> e) -> Double.isNaN(e.getValue()))
                .thenComparingDouble(e -> objective.maximize() ? -e.getValue() : e.getValue())
                .thenComparing(Map.Entry::getKey);
        int keep = Math.max(1, values.size() / pruning.reductionFactor());
        return values.entrySet().stream().sorted(best).limit(keep).filter(e -> !Double.isNaN(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private static void dropCheckpoint(LocalTrialRunner runner, String id) {
        try {
            runner.dropCheckpoint(id);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("removing the checkpoint of pruned trial " + id + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A trial's final metrics with its value at every rung it reached, which a resumed sweep ranks by. */
    private static Map<String, Double> withRungs(Map<String, Double> metrics, Map<String, Double> rungs) {
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        if (rungs != null) {
            out.putAll(rungs);
        }
        return out;
    }

    private static Map<String, Double> prunerValues(Map<String, Double> metrics) {
        Map<String, Double> out = new TreeMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith(Pruner.KEY)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static TrialOutcome withSeconds(TrialOutcome o, double seconds, Map<String, Double> metrics) {
        return new TrialOutcome(o.id(), o.status(), metrics, o.costs(), seconds, o.error(), o.reportJson());
    }

    private static TrialOutcome failed(String id) {
        return new TrialOutcome(id, TrialOutcome.FAILED, Map.of(), List.of(), 0, "the executor returned no outcome"
                + " for this trial", null);
    }
}
