package dev.strata.spec;

/**
 * {@code training:} either full-batch {@code iterations} (the notebooks' loop) or minibatch
 * {@code epochs} with {@code batch_size}; exactly one of the two is set.
 *
 * @param iterations full-batch gradient steps, or {@code null} for minibatch training
 * @param epochs passes over the training set, or {@code null} for full-batch training
 * @param batchSize examples per minibatch (with {@code epochs})
 * @param shuffle reshuffle the examples each epoch from the run's random stream (with {@code epochs})
 * @param printEvery record and print the cost every this many steps (iterations, or epochs)
 * @param checkpointEvery write a checkpoint every this many steps, or 0 for none
 * @param inputGram {@code input_gram: auto} (the default): full-batch plain gradient descent may
 *     train the first layer through the input's Gram matrix where that does less work; {@code never}
 *     keeps the notebooks' direct products
 */
public record TrainingSpec(Integer iterations, Integer epochs, Integer batchSize, boolean shuffle, int printEvery,
        int checkpointEvery, boolean inputGram) {

    public boolean minibatch() {
        return epochs != null;
    }
}
