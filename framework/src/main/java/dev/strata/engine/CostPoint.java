package dev.strata.engine;

/**
 * A recorded cost.
 *
 * @param iteration the 0-based gradient step at which it was measured (full-batch training), or the
 *     number of steps taken before the epoch ended (minibatch training)
 * @param epoch the 0-based epoch for minibatch training, or -1 for full-batch training
 * @param cost the cost before that step's update (full batch) or the epoch's mean cost (minibatch)
 */
public record CostPoint(long iteration, int epoch, double cost) {
}
