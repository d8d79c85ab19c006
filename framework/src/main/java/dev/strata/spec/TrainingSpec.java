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
 * @param inputGram {@code input_gram: auto} (the default): full-batch gradient descent or momentum
 *     (with or without L2) may train the first layer through the input's Gram matrix where that does less work; {@code never}
 *     keeps the notebooks' direct products
 * @param earlyStopping when to stop on the validation data, or {@code null} to train every step
 */
public record TrainingSpec(Integer iterations, Integer epochs, Integer batchSize, boolean shuffle, int printEvery,
        int checkpointEvery, boolean inputGram, EarlyStopping earlyStopping) {
    public TrainingSpec(Integer iterations, Integer epochs, Integer batchSize, boolean shuffle, int printEvery,
            int checkpointEvery, boolean inputGram) {
        this(iterations, epochs, batchSize, shuffle, printEvery, checkpointEvery, inputGram, null);
    }

    /** The loop's steps: iterations, or epochs. */
    public int steps() {
        return minibatch() ? epochs : iterations;
    }

    /**
     * How often the validation data is evaluated, in steps: every epoch in minibatch training, every
     * {@code print_every} iterations in full-batch training.
     */
    public int validateEvery() {
        return minibatch() ? 1 : printEvery;
    }

    public boolean minibatch() {
        return epochs != null;
    }
}
