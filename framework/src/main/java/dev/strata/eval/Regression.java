package dev.strata.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Regression metrics of a single-output model.
 *
 * @param mse mean squared error
 * @param mae mean absolute error
 * @param r2 coefficient of determination (1 − SSE / SST; NaN when the labels are constant)
 * @param predictions the model's value for each example
 */
public record Regression(int examples, double mse, double mae, double r2, double[] predictions) implements Metrics {
    public static final List<String> NAMES = List.of("mse", "mae", "r2");

    @Override
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("mse", mse);
        out.put("mae", mae);
        out.put("r2", r2);
        return out;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public String headline() {
        return String.format(Locale.ROOT, "MSE: %.6g (R² %.6f)", mse, r2);
    }

    static Regression of(double[] outputs, double[] labels) {
        int m = labels.length;
        double mean = 0;
        for (double v : labels) {
            mean += v / m;
        }
        double squares = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            double e = outputs[i] - labels[i];
            squares += e * e;
            absolute += Math.abs(e);
            total += (labels[i] - mean) * (labels[i] - mean);
        }
        return new Regression(m, squares / m, absolute / m, total == 0 ? Double.NaN : 1 - squares / total,
                java.util.Arrays.copyOf(outputs, m));
    }
}
