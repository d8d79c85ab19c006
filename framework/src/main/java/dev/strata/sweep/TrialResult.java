package dev.strata.sweep;

import dev.strata.spi.TrialOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code results.jsonl}: a trial's values and what it produced.
 *
 * @param metrics flattened metrics ({@code test.accuracy}, {@code final_cost}, ...); empty when failed
 * @param error the error message of a failed trial, else {@code null}
 */
public record TrialResult(String id, Map<String, Object> parameters, Map<String, Double> metrics, double seconds,
        String status, String error) {

    public TrialResult {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        // JSON has no NaN: a metric written as null reads back as NaN.
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((k, v) -> finite.put(k, v == null ? Double.NaN : v));
        metrics = java.util.Collections.unmodifiableMap(finite);
    }

    public static TrialResult of(Map<String, Object> parameters, TrialOutcome outcome) {
        return new TrialResult(outcome.id(), parameters, outcome.metrics() == null ? Map.of() : outcome.metrics(),
                outcome.seconds(), outcome.status(), outcome.error());
    }

    public boolean ok() {
        return TrialOutcome.OK.equals(status);
    }

    /** Whether it failed because its training diverged (a property of its values, not of the machine). */
    public boolean diverged() {
        return !ok() && error != null && error.startsWith(dev.strata.engine.DivergenceException.DIVERGED);
    }

    /** Whether the sweep's pruner stopped it early. */
    public boolean pruned() {
        return TrialOutcome.PRUNED.equals(status);
    }

    /** How far a pruned trial trained: {@code pruned after 1 epoch}, {@code pruned after 40 iterations}. */
    public String prunedText(boolean minibatch) {
        return "pruned after " + Pruning.steps(Math.round(metric(LocalTrialRunner.STEPS)), minibatch);
    }

    /** The metric's value, or NaN when the trial did not report it. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
