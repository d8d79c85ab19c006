package dev.strata.engine;

import dev.strata.spi.StrataException;

/** The cost became NaN or infinite: training cannot continue from here. Exit code 1. */
public final class DivergenceException extends StrataException {
    private static final long serialVersionUID = 1L;
    private final long iteration;
    private final double cost;

    public DivergenceException(long iteration, double cost, String hint) {
        super("training diverged: the cost became " + cost + " at iteration " + iteration + "; " + hint, 1);
        this.iteration = iteration;
        this.cost = cost;
    }

    public long iteration() {
        return iteration;
    }

    public double cost() {
        return cost;
    }
}
