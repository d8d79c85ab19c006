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
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static TrialResult of(Map<String, Object> parameters, TrialOutcome outcome) {
        return new TrialResult(outcome.id(), parameters, outcome.metrics() == null ? Map.of() : outcome.metrics(),
                outcome.seconds(), outcome.status(), outcome.error());
    }

    public boolean ok() {
        return TrialOutcome.OK.equals(status);
    }

    /** The metric's value, or NaN when the trial did not report it. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }

    /** The line's content in file order, for {@code results.jsonl}. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("parameters", parameters);
        out.put("metrics", metrics);
        out.put("seconds", seconds);
        out.put("status", status);
        out.put("error", error);
        return out;
    }

    @SuppressWarnings("unchecked")
    static TrialResult fromJson(Map<String, Object> json) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        ((Map<String, Object>) json.get("metrics")).forEach((k, v) -> metrics.put(k,
                v == null ? Double.NaN : ((Number) v).doubleValue()));
        return new TrialResult((String) json.get("id"), (Map<String, Object>) json.get("parameters"), metrics,
                ((Number) json.get("seconds")).doubleValue(), (String) json.get("status"), (String) json.get("error"));
    }
}
