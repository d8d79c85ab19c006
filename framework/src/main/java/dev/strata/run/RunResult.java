package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.engine.Network;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Metrics;

/**
 * A trained model and what is known about it.
 *
 * @param evaluateSeconds the time the metrics of both splits took
 * @param test {@code null} when the spec has no test split
 * @param testOutputs the output layer's activations on the test split (outputs × examples in column
 *     order), or {@code null}
 * @param validation the validation history, final metrics and early-stopping outcome, or {@code null}
 *     without validation data
 */
public record RunResult(dev.strata.spec.ModelSpec spec, PreparedData data, Network network, TrainingResult training,
        Metrics train, Metrics test, double[] testOutputs, double evaluateSeconds, ValidationReport validation) {
}
