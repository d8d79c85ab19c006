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

    public Pruner(Pruning pruning, boolean maximize) {
        this.pruning = pruning;
        this.maximize = maximize;
    }

    /** The steps of ASHA's rungs below {@code total}: {@code minSteps · η^k}. */
    public List<Integer> rungs(int total) {
        List<Integer> out = new ArrayList<>();
        for (long r = pruning.minSteps(); r < total; r *= pruning.reductionFactor()) {
            out.add((int) r);
        }
        return out;
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

    private boolean asha(String trial, int step, double value) {
        int k = nextRung.getOrDefault(trial, 0);
        long rung = (long) pruning.minSteps() * (long) Math.pow(pruning.reductionFactor(), k);
        if (step < rung) {
            return false;
        }
        nextRung.put(trial, k + 1);
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
        if (step < pruning.warmupSteps() || others.size() < pruning.startupTrials()) {
            return false;
        }
        others.sort(null);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        return maximize ? value < median : value > median;
    }
}
