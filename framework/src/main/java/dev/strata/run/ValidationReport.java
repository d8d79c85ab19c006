package dev.strata.run;

import dev.strata.engine.ValidationPoint;
import dev.strata.eval.Metrics;
import dev.strata.spec.EarlyStopping;
import java.util.List;

/**
 * What the validation data said about a run.
 *
 * @param history every evaluation during training, in order
 * @param metrics the saved model's metrics on the validation data
 * @param cost the saved model's loss on the validation data, without weight penalties (as
 *     {@code validation.cost} in early stopping and sweep objectives)
 * @param earlyStopping the spec's early stopping, or {@code null}
 * @param bestStep the step (iteration or epoch count) of the best evaluation, or −1
 * @param best the monitored figure at {@code bestStep}
 * @param restoredBest whether the saved parameters are those of {@code bestStep}
 * @param stoppedEarly whether early stopping ended training before its last step
 */
public record ValidationReport(List<ValidationPoint> history, Metrics metrics, double cost,
        EarlyStopping earlyStopping, int bestStep, double best, boolean restoredBest, boolean stoppedEarly) {
    public ValidationReport {
        history = List.copyOf(history);
    }

    ValidationReport withFinal(Metrics finalMetrics, double finalCost) {
        return new ValidationReport(history, finalMetrics, finalCost, earlyStopping, bestStep, best, restoredBest,
                stoppedEarly);
    }
}
