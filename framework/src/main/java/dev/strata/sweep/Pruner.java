package dev.strata.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a {@link Pruning} for the trials of one sweep, shared by the trials running at
 * the same time (thread-safe). ASHA is Optuna's {@code SuccessiveHalvingPruner} without bootstrap:
 * at a rung a trial goes on when its value is among the best {@code max(1, n / η)} of the
 * {@code n} values recorded at that rung so far (itself included), so the first trial at a rung
 * always goes on; asynchronous, so which trials stop depends on the order trials reach the rungs.
 * The median rule is Optuna's {@code MedianPruner}: after the warm-up, a trial stops when its value
 * is worse than the median of the values other trials had at the same step, once
 * {@code startupTrials} trials have reached that step.
 */
public final class Pruner {
    private final Pruning pruning;
    private final boolean maximize;
    /** ASHA: values recorded at each rung; median: each step's values, by trial. */
    private final Map<Integer, List<Double>> rungs = new HashMap<>();
    private final Map<Integer, Map<String, Double>> steps = new HashMap<>();
    private final Map<String, Integer> nextRung = new HashMap<>();
    /** What each trial reported that a decision used, by step: kept with its result for a resumed sweep. */
    private final Map<String, java.util.TreeMap<Integer, Double>> recorded = new HashMap<>();

    /** The key prefix of the reported values in a trial's metrics ({@code pruner.3} for step 3). */
    public static final String KEY = "pruner.";

    public Pruner(Pruning pruning, boolean maximize) {
        this.pruning = pruning;
        this.maximize = maximize;
    }

    /**
     * Records {@code trial}'s objective {@code value} after {@code step} steps and says whether the
     * trial should stop here. A NaN value stops it.
     */
    public synchronized boolean report(String trial, int step, double value) {
        if (Double.isNaN(value)) {
            return true;
        }
        return pruning.kind() == Pruning.Kind.ASHA ? asha(trial, step, value) : median(trial, step, value);
    }

    /** The values of {@code trial} that decisions used, by step. */
    public synchronized Map<Integer, Double> recorded(String trial) {
        return new java.util.TreeMap<>(recorded.getOrDefault(trial, new java.util.TreeMap<>()));
    }

    /**
     * Replays a trial recorded before a {@code sweep --resume} (its {@link #KEY} metrics), in trial
     * order, so the trials still to run are compared with it as before.
     */
    public synchronized void replay(String trial, Map<String, Double> metrics) {
        recordedSteps(metrics).forEach((step, value) -> report(trial, step, value));
    }

    /** The values a trial's metrics hold under {@link #KEY}, by step in order (NaN and missing ones left out). */
    static java.util.TreeMap<Integer, Double> recordedSteps(Map<String, Double> metrics) {
        java.util.TreeMap<Integer, Double> steps = new java.util.TreeMap<>();
        metrics.forEach((k, v) -> {
            if (k.startsWith(KEY) && v != null && !v.isNaN()) {
                steps.put(Integer.parseInt(k.substring(KEY.length())), v);
            }
        });
        return steps;
    }

    private boolean asha(String trial, int step, double value) {
        int k = nextRung.getOrDefault(trial, 0);
        long rung = (long) pruning.minSteps() * (long) Math.pow(pruning.reductionFactor(), k);
        if (step < rung) {
            return false;
        }
        nextRung.put(trial, k + 1);
        recorded.computeIfAbsent(trial, t -> new java.util.TreeMap<>()).put(step, value);
        List<Double> values = rungs.computeIfAbsent(k, x -> new ArrayList<>());
        values.add(value);
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(maximize ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        int promoted = Math.max(1, values.size() / pruning.reductionFactor());
        double cut = sorted.get(promoted - 1);
        return maximize ? value < cut : value > cut;
    }

    private boolean median(String trial, int step, double value) {
        Map<String, Double> atStep = steps.computeIfAbsent(step, x -> new HashMap<>());
        List<Double> others = new ArrayList<>();
        atStep.forEach((t, v) -> {
            if (!t.equals(trial)) {
                others.add(v);
            }
        });
        atStep.put(trial, value);
        recorded.computeIfAbsent(trial, t -> new java.util.TreeMap<>()).put(step, value);
        if (step < pruning.warmupSteps() || others.size() < pruning.startupTrials()) {
            return false;
        }
        others.sort(null);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        return maximize ? value < median : value > median;
    }
}
