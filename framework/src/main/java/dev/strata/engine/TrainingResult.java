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
 * @param inputGram whether the first layer was trained through the input's Gram matrix
 */
public record TrainingResult(List<CostPoint> costs, int stepsDone, long updates, double seconds, boolean stopped,
        boolean inputGram) {
    public TrainingResult {
        costs = List.copyOf(costs);
    }

    /** How the first layer was trained, for reports: {@code input_gram} or {@code direct}. */
    public String firstLayerForm() {
        return inputGram ? "input_gram" : "direct";
    }

    public double finalCost() {
        return costs.isEmpty() ? Double.NaN : costs.get(costs.size() - 1).cost();
    }
}
