package dev.strata.sweep;

import dev.strata.spi.Trial;

/**
 * A trial runner that can time a few training iterations of a trial without writing anything, so
 * that an executor can measure, rather than guess, how to share the machine's cores.
 */
public interface Calibratable {
    /** Seconds taken by {@code iterations} full-batch training steps of {@code trial}'s model. */
    double secondsFor(Trial trial, int iterations);
}
