package dev.strata.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an asynchronous pruner's decisions depended on the order trials reached their steps: the
 * recorded values are decided again in trial order (as one trial at a time decides), and every
 * trial whose fate differs is named. A trial that stopped early has no values after its stop, so
 * the replay knows only what the sweep recorded.
 */
final class AsynchronyCheck {
    private AsynchronyCheck() {
    }

    /**
     * One line per trial whose decision in trial order differs from the one the sweep made, e.g.
     * {@code t0006 stopped at 3 epochs; in trial order it would have gone on}.
     */
    static List<String> differences(Pruning pruning, boolean maximize, List<TrialResult> results, boolean minibatch) {
        Pruner inOrder = new Pruner(pruning, maximize);
        List<String> out = new ArrayList<>();
        List<TrialResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(TrialResult::id));
        for (TrialResult r : sorted) {
            TreeMap<Integer, Double> steps = Pruner.recordedSteps(r.metrics());
            if (steps.isEmpty() || !(r.ok() || r.pruned())) {
                continue;
            }
            int last = steps.lastKey();
            for (Map.Entry<Integer, Double> step : steps.entrySet()) {
                boolean stops = inOrder.report(r.id(), step.getKey(), step.getValue());
                boolean stopped = r.pruned() && step.getKey() == last;
                if (stops && !stopped) {
                    out.add(r.id() + " went on at " + Pruning.steps(step.getKey(), minibatch) + "; in trial order it would have"
                            + " stopped there");
                    break;
                }
                if (!stops && stopped) {
                    out.add(r.id() + " stopped at " + Pruning.steps(step.getKey(), minibatch) + "; in trial order it would have"
                            + " gone on");
                }
                if (stops) {
                    break;
                }
            }
        }
        return out;
    }
}
