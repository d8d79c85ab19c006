package dev.strata.spi;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a sweep's trials somewhere: in this process ({@code local}) or on a cluster.
 * Call order: {@link #execute} once per batch of trials, then {@link #close()}. A grid or random
 * sweep is one batch; an adaptive one (TPE) calls {@code execute} once per trial, each proposed
 * from the results before it, so an executor should keep what it sets up (a thread pool, a
 * cluster session, a measured split of the cores) from one call to the next and release it in
 * {@code close}.
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
