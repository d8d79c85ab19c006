package dev.strata.eval;

import java.util.List;
import java.util.Map;

/**
 * The metrics of one data split: {@link Classification} for losses that take class labels,
 * {@link Regression} for losses that compare label values. {@link #values()} is the one flattening
 * of them: report.json, the console, sweep objectives ({@code test.accuracy}) and the sweep results
 * files all read it.
 */
public sealed interface Metrics permits Classification, Regression {
    /** The examples evaluated. */
    int examples();

    /** The headline metrics by name, in report order (accuracy, precision, recall, f1 / mse, mae, r2). */
    Map<String, Double> values();

    /**
     * One headline metric by name, e.g. {@code get("accuracy")}.
     *
     * @throws IllegalArgumentException naming the metrics of this kind when {@code name} is not one
     */
    default double get(String name) {
        Double value = values().get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + name + "' here; these metrics are " + names());
        }
        return value;
    }

    /** The metric names of this kind, in report order. */
    List<String> names();

    /** The first headline metric as the console shows it, e.g. {@code accuracy: 0.985646}. */
    String headline();

    /**
     * Metrics of the output activations ({@code outputs × examples}, column order) against the labels:
     * regression metrics when {@code valueLabels}, else classification (a single output unit predicts
     * class 1 above {@code threshold}; several units predict the arg-max).
     */
    static Metrics of(double[] outputs, int units, double[] labels, double threshold, boolean valueLabels) {
        return valueLabels ? Regression.of(outputs, labels) : Classification.of(outputs, units, labels, threshold);
    }
}
