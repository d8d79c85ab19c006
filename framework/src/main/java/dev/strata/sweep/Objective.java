package dev.strata.sweep;

import java.util.List;

/** What a sweep optimises: one flattened report metric, maximised or minimised. */
public record Objective(String metric, boolean maximize) {
    /** The metrics every trial reports (report.json's metrics, flattened), plus the final cost. */
    public static final List<String> METRICS = List.of("final_cost", "train.accuracy", "train.precision",
            "train.recall", "train.f1", "test.accuracy", "test.precision", "test.recall", "test.f1", "train.mse",
            "train.mae", "train.r2", "test.mse", "test.mae", "test.r2");

    public String goal() {
        return maximize ? "maximize" : "minimize";
    }

    /** Whether {@code a} is strictly better than {@code b} on this objective. */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }
}
