package dev.strata.engine;

/** What the training loop reports while it runs. All methods are called on the training thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Called once before the first step.
     *
     * @param totalSteps iterations (full batch) or epochs (minibatch)
     * @param unit {@code "iteration"} or {@code "epoch"}
     */
    default void started(int totalSteps, String unit) {
    }

    /** Called after each completed step (iteration or epoch), for progress display. */
    default void stepped(int step) {
    }

    /** Called for every recorded cost ({@code print_every} and the last step). */
    default void cost(CostPoint point) {
    }

    /** Called after each evaluation of the validation data. */
    default void validated(ValidationPoint point) {
    }

    /**
     * Called after each completed step; return {@code true} to stop the loop after it (e.g. on
     * Ctrl-C). The loop then ends with {@link TrainingResult#stopped()} set.
     */
    default boolean stopRequested() {
        return false;
    }
}
