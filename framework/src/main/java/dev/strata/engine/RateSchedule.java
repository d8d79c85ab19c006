package dev.strata.engine;

import dev.strata.spi.BadInputException;
import dev.strata.spi.LearningRateSchedule;

/**
 * The learning rate of each epoch (an iteration in full-batch training): a linear warm-up over the
 * first {@code warmup} epochs, from {@code base / warmup} up to {@code base}, then the schedule over
 * the remaining epochs. A rate that is not a finite number {@code >= 0} stops the run, naming the
 * schedule.
 */
public final class RateSchedule {
    private final LearningRateSchedule schedule;
    private final String name;
    private final double base;
    private final int warmup;
    private final int epochs;

    public RateSchedule(LearningRateSchedule schedule, String name, double base, int warmup, int epochs) {
        this.schedule = schedule;
        this.name = name;
        this.base = base;
        this.warmup = warmup;
        this.epochs = epochs;
    }

    /** A constant rate: what a spec without {@code optimizer.schedule} trains with. */
    public static RateSchedule constant(double base) {
        return new RateSchedule((b, e, n) -> b, "constant", base, 0, 0);
    }

    public double rate(int epoch) {
        if (epoch < warmup) {
            return base * (epoch + 1) / warmup;
        }
        double rate = schedule.rate(base, epoch - warmup, epochs - warmup);
        if (!(rate >= 0 && Double.isFinite(rate))) {
            throw new BadInputException("schedule '" + name + "' gave the learning rate " + rate + " for epoch "
                    + epoch, "fix the schedule plugin, or choose another optimizer.schedule");
        }
        return rate;
    }
}
