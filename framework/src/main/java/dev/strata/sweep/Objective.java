package dev.strata.sweep;

import dev.strata.eval.Classification;
import dev.strata.eval.Regression;
import java.util.List;

/** What a sweep optimises: one flattened report metric, maximised or minimised. */
public record Objective(String metric, boolean maximize) {
    /** What a classification trial reports: the final cost and each split's metrics, as report.json names them. */
    public static final List<String> CLASSIFICATION = flattened(Classification.NAMES);
    /** What a trial whose loss compares label values (regression) reports. */
    public static final List<String> REGRESSION = flattened(Regression.NAMES);
    /** Every metric an objective may name. */
    public static final List<String> METRICS = java.util.stream.Stream.concat(CLASSIFICATION.stream(),
            REGRESSION.stream().skip(1)).toList();

    /** The metrics a trial with this kind of loss reports. */
    public static List<String> reportedFor(dev.strata.spi.LossFactory.LabelKind kind) {
        return kind == dev.strata.spi.LossFactory.LabelKind.VALUE ? REGRESSION : CLASSIFICATION;
    }

    private static List<String> flattened(List<String> names) {
        List<String> out = new java.util.ArrayList<>();
        out.add("final_cost");
        for (String split : List.of("train", "test")) {
            names.forEach(n -> out.add(split + "." + n));
        }
        return List.copyOf(out);
    }

    public String goal() {
        return maximize ? "maximize" : "minimize";
    }

    /** Whether {@code a} is strictly better than {@code b} on this objective. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
