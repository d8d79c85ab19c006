package dev.strata.engine;

/** Runs after every completed epoch (iteration in full-batch training), before checkpoints are written. */
@FunctionalInterface
public interface EpochHook {
    EpochHook NONE = (done, cost, metric) -> false;

    /**
     * @param done epochs (iterations) completed so far
     * @param cost the epoch's training cost: the example-weighted mean of its batches' costs
     * @param metric the epoch's running training metric over its batches, as each batch was
     *     trained: accuracy for class labels, mean squared error for value labels
     * @return whether training should stop here (early stopping): the run then ends normally
     */
    boolean afterEpoch(int done, double cost, double metric);
}
