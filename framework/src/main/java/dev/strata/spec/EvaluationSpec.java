package dev.strata.spec;

/** {@code evaluation:} the probability above which a single sigmoid output predicts class 1. */
public record EvaluationSpec(double threshold) {
    public static final EvaluationSpec DEFAULT = new EvaluationSpec(0.5);
}
