package dev.strata.spec;

/**
 * {@code training.early_stopping:} stop when {@code monitor} has not improved by more than
 * {@code minDelta} for {@code patience} validation evaluations in a row.
 *
 * @param monitor {@code validation.cost} or {@code validation.<metric>}
 * @param patience evaluations without improvement before training stops
 * @param minDelta the least change that counts as an improvement
 * @param restoreBest whether model.npz holds the best evaluation's parameters (else the last ones)
 */
public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {
    /** Whether a smaller value of the monitored figure is better (costs and errors). */
    public boolean minimize() {
        String metric = monitor.substring(monitor.indexOf('.') + 1);
        return metric.equals("cost") || metric.equals("mse") || metric.equals("mae") || metric.equals("rmse");
    }
}
