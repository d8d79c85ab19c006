package dev.strata.engine;

import java.util.List;

/**
 * What a training run produced.
 *
 * @param costs every recorded cost, in order
 * @param stepsDone iterations (full batch) or epochs (minibatch) completed in total
 * @param updates gradient updates applied in total
 * @param seconds wall time of the training loop alone
 * @param stopped whether the loop stopped early because a stop was requested
 * @param firstLayerForm how the first layer was trained: {@code direct}, or {@code input_gram}
 *     (through the input's Gram matrix)
 * @param warmUpdatesPerSecond updates per second over the loop's second half, when the JIT has
 *     compiled the loop (NaN when too few updates ran to tell)
 * @param stoppedEarly whether early stopping ended training before its last step
 */
public record TrainingResult(List<CostPoint> costs, int stepsDone, long updates, double seconds, boolean stopped,
        String firstLayerForm, double warmUpdatesPerSecond, boolean stoppedEarly) {
    public TrainingResult {
        costs = List.copyOf(costs);
    }

    public TrainingResult(List<CostPoint> costs, int stepsDone, long updates, double seconds, boolean stopped,
            String firstLayerForm, double warmUpdatesPerSecond) {
        this(costs, stepsDone, updates, seconds, stopped, firstLayerForm, warmUpdatesPerSecond, false);
    }

    public boolean inputGram() {
        return "input_gram".equals(firstLayerForm);
    }

    /** How the first layer was trained, in words for reports and the console. */
    public String firstLayerText() {
        return inputGram() ? "through the input's Gram matrix, see training.input_gram" : "direct";
    }

    public double finalCost() {
        return costs.isEmpty() ? Double.NaN : costs.get(costs.size() - 1).cost();
    }
}
