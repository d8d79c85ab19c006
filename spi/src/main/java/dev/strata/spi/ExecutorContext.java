package dev.strata.spi;

/**
 * What the engine offers a {@link SweepExecutor} running trials in this process: the machine's
 * cores, the process-wide BLAS thread count, a way to time a trial's training, and the console.
 * Thread-safe.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public interface ExecutorContext {
    /** The cores this process may use. */
    int cores();

    /** The BLAS threads the matrix products use now, shared by everything in this process. */
    int blasThreads();

    /** Sets the BLAS threads of this process (at least 1). */
    void setBlasThreads(int threads);

    /**
     * Seconds that {@code iterations} training steps of {@code trial}'s model take here, writing
     * nothing: for measuring, rather than guessing, how to share the cores.
     */
    double secondsFor(Trial trial, int iterations);

    /** Prints one line for the user running the sweep. */
    void say(String line);

    /**
     * A decision stored with {@link #remember} by an earlier run of this sweep (before a
     * {@code sweep --resume}), or empty: a resumed sweep makes the same decisions, and so ends
     * with the same results, instead of measuring again on a machine whose load has changed.
     */
    default java.util.Optional<String> recalled(String key) {
        return java.util.Optional.empty();
    }

    /** Stores a decision with the sweep (in its folder) for {@link #recalled}. */
    default void remember(String key, String value) {
    }
}
