package dev.strata.sweep;

import java.util.List;

/** What a sweep optimises: one flattened report metric, maximised or minimised. */
public record Objective(String metric, boolean maximize) {
    /** What a classification trial reports (report.json's metrics, flattened, plus the final cost). */
    public static final List<String> CLASSIFICATION = List.of("final_cost", "train.accuracy", "train.precision",
            "train.recall", "train.f1", "test.accuracy", "test.precision", "test.recall", "test.f1");
    /** What a trial whose loss compares label values (regression) reports. */
    public static final List<String> REGRESSION = List.of("final_cost", "train.mse", "train.mae", "train.r2",
            "test.mse", "test.mae", "test.r2");
    /** The metrics a trial with this kind of loss reports. */
    public static List<String> reportedFor(dev.strata.spi.LossFactory.LabelKind kind) {
        return kind == dev.strata.spi.LossFactory.LabelKind.VALUE ? REGRESSION : CLASSIFICATION;
    }

    /** Every metric an objective may name. */
    public static final List<String> METRICS = java.util.stream.Stream.concat(CLASSIFICATION.stream(),
            REGRESSION.stream().skip(1)).toList();

    public String goal() {
        return maximize ? "maximize" : "minimize";
    }

    /** Whether {@code a} is strictly better than {@code b} on this objective. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
