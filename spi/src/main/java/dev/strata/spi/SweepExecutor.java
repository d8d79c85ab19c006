package dev.strata.spi;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's trials somewhere: in this process ({@code local}) or on a cluster.
 * Call order: {@link #execute} once, then {@link #close()}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SweepExecutor extends AutoCloseable {
    /**
     * Runs every trial with {@code runner} and hands each outcome to {@code onOutcome} as soon as it
     * is known, on the calling thread or not (the sink is thread-safe). Returns when all trials have
     * an outcome. A trial that fails is reported as a failed outcome and does not stop the others.
     */
    void execute(List<Trial> trials, TrialRunner runner, Consumer<TrialOutcome> onOutcome) throws InterruptedException;

    @Override
    default void close() {
    }
}
