package dev.strata.spi;

/**
 * The learning rate of each epoch, from the optimizer's base rate. Epochs are the training loop's
 * steps: minibatch epochs, or iterations for full-batch training (an iteration is an epoch of one
 * batch). A schedule is a pure function of its arguments, so a resumed run continues exactly; the
 * engine applies {@code optimizer.schedule.warmup} (a linear ramp over the first epochs) itself,
 * before any schedule.
 *
 * <pre>{@code
 * LearningRateSchedule halving = (base, epoch, epochs) -> base * Math.pow(0.5, epoch / 10);
 * }</pre>
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
@FunctionalInterface
public interface LearningRateSchedule {
    /**
     * The rate of {@code epoch}.
     *
     * @param base {@code optimizer.learning_rate}
     * @param epoch 0-based, counted from the end of any warm-up
     * @param epochs how many epochs the schedule spans (the run's, less any warm-up)
     */
    double rate(double base, int epoch, int epochs);
}
