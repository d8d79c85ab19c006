package dev.strata.spi;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one trial produced, as plain data (never ND4J arrays): enough to rank trials and write
 * the results files.
 *
 * @param status {@code "ok"}, {@code "failed"}, or {@code "pruned"} (stopped early by the sweep's pruner;
 *     its metrics are those of the parameters it stopped with)
 * @param metrics flattened report metrics, e.g. {@code test.accuracy}, {@code train.f1},
 *     {@code final_cost}; empty when failed before training ended
 * @param costs {@code [iteration, cost]} pairs as recorded
 * @param seconds wall time of the whole trial
 * @param error the user-facing error message when failed, else {@code null}
 * @param reportJson the trial's {@code report.json} text when it succeeded remotely and its folder
 *     is not on a shared file system; {@code null} otherwise
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TrialOutcome(String id, String status, Map<String, Double> metrics, List<double[]> costs, double seconds,
        String error, String reportJson) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String PRUNED = "pruned";

    public boolean ok() {
        return OK.equals(status);
    }
}
