package dev.strata.engine;

import dev.strata.spi.StrataException;

/** The cost became NaN or infinite: training cannot continue from here. Exit code 1. */
public final class DivergenceException extends StrataException {
    private static final long serialVersionUID = 1L;
    /** How the message of a run that diverged after updates starts, as a failed trial records it. */
    public static final String DIVERGED = "training diverged: ";
    private final long iteration;
    private final double cost;
    private final boolean beforeAnyUpdate;

    public DivergenceException(long iteration, double cost, String hint) {
        this(iteration, cost, false, hint);
    }

    /** @param beforeAnyUpdate whether the cost was already not finite before the first update */
    public DivergenceException(long iteration, double cost, boolean beforeAnyUpdate, String hint) {
        super((beforeAnyUpdate ? "training cannot start: the cost is " + cost + " at iteration " + iteration
                + ", before any update" : DIVERGED + "the cost became " + cost + " at iteration " + iteration)
                + "; " + hint, 1);
        this.iteration = iteration;
        this.cost = cost;
        this.beforeAnyUpdate = beforeAnyUpdate;
    }

    /** Whether the cost was not finite before any update (the data or the initial model, not the learning rate). */
    public boolean beforeAnyUpdate() {
        return beforeAnyUpdate;
    }

    public long iteration() {
        return iteration;
    }

    public double cost() {
        return cost;
    }
}
