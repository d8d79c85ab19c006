package dev.strata.sweep;

import dev.strata.eval.Classification;
import dev.strata.eval.Regression;
import java.util.List;

/** What a sweep optimises: one flattened report metric, maximised or minimised. */
public record Objective(String metric, boolean maximize) {
    /** What a classification trial reports: the final cost and each split's metrics, as report.json names them. */
    public static final List<String> CLASSIFICATION = flattened(Classification.NAMES, true);
    /** What a trial whose loss compares label values (regression) reports. */
    public static final List<String> REGRESSION = flattened(Regression.NAMES, true);
    /**
     * The saved model's loss on the validation data (without weight penalties): what Keras calls
     * {@code val_loss}, smoother than accuracy on a small validation set, so early rungs rank trials
     * by it more reliably.
     */
    public static final String VALIDATION_COST = "validation.cost";
    /** Every metric an objective may name. */
    public static final List<String> METRICS = java.util.stream.Stream.concat(CLASSIFICATION.stream(),
            REGRESSION.stream()).distinct().toList();

    /** The metrics a trial with this kind of loss reports; {@code validation.*} only with validation data. */
    public static List<String> reportedFor(dev.strata.spi.LossFactory.LabelKind kind, boolean validation) {
        return flattened(kind == dev.strata.spi.LossFactory.LabelKind.VALUE ? Regression.NAMES : Classification.NAMES,
                validation);
    }

    private static List<String> flattened(List<String> names, boolean validation) {
        List<String> out = new java.util.ArrayList<>();
        out.add("final_cost");
        for (String split : validation ? List.of("train", "validation", "test") : List.of("train", "test")) {
            if (split.equals("validation")) {
                out.add(VALIDATION_COST);
            }
            names.forEach(n -> out.add(split + "." + n));
        }
        return List.copyOf(out);
    }

    /** Whether ranking on this objective tunes on the test set (its metric names the test split). */
    public boolean tunesOnTest() {
        return metric.startsWith("test.");
    }

    public String goal() {
        return maximize ? "maximize" : "minimize";
    }

    /** Whether {@code a} is strictly better than {@code b} on this objective. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
