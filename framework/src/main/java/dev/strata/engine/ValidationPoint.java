package dev.strata.engine;

import java.util.Map;

/**
 * One evaluation of the validation data.
 *
 * @param step the iterations (full batch) or epochs (minibatch) done
 * @param trainCost the training cost of the last epoch (its batches' mean)
 * @param trainMetric the last epoch's running training metric: accuracy, or MSE for value labels
 * @param cost the loss on the validation examples
 * @param metrics the validation examples' headline metrics
 */
public record ValidationPoint(int step, long updates, double trainCost, double trainMetric, double cost,
        Map<String, Double> metrics) {
    /**
     * How a count of steps done is shown beside the cost lines: minibatch epochs by the 0-based
     * number of the epoch just trained (as {@code Cost after epoch 0}), iterations by the updates done.
     */
    public static int shown(int stepsDone, boolean minibatch) {
        return minibatch ? stepsDone - 1 : stepsDone;
    }

    public ValidationPoint {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
