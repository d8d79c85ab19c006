package dev.strata.engine;

import static dev.strata.engine.Engines.data;
import static dev.strata.engine.Engines.largestDifference;
import static dev.strata.engine.Engines.spec;
import static dev.strata.engine.Engines.trainer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spec.ModelSpec;
import dev.strata.spi.RandomStream;
import org.junit.jupiter.api.Test;

/** Unshuffled batches are views of the input; they must train exactly like gathered copies. */
class MinibatchTrainingTest {
    private static final ModelSpec SPEC = spec("cat-deep.yaml", "optimizer={type: adam, learning_rate: 0.00002}");

    /** A stream whose permutations are the identity, so a "shuffled" epoch gathers every column in order. */
    private static final RandomStream IDENTITY = new RandomStream() {
        @Override
        public double nextGaussian() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double nextDouble() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextInterval(long max) {
            return max;
        }
    };

    @Test
    void batchesReadInOrderTrainExactlyLikeGatheredOnes() {
        Inputs inputs = data(SPEC).train().inputs();
        Trainer inOrder = trainer(SPEC, false);
        TrainingResult views = inOrder.train(Batches.minibatches(inputs, Precision.FLOAT64, 64, false, null), 0, 3, 1,
                TrainingListener.NONE);
        Trainer gathered = trainer(SPEC, false);
        TrainingResult copies = gathered.train(Batches.minibatches(inputs, Precision.FLOAT64, 64, true, IDENTITY), 0, 3, 1,
                TrainingListener.NONE);

        assertThat(views.costs()).isEqualTo(copies.costs());
        assertThat(views.updates()).isEqualTo(12);
        assertThat(largestDifference(inOrder.network(), gathered.network())).isZero();
    }

    @Test
    void oneBatchOfEveryExampleIsFullBatchTraining() {
        Inputs inputs = data(SPEC).train().inputs();
        TrainingResult minibatch = trainer(SPEC, false).train(Batches.minibatches(inputs, Precision.FLOAT64, 209, false, null), 0, 5, 1,
                TrainingListener.NONE);
        TrainingResult fullBatch = trainer(SPEC, false).train(Batches.fullBatch(inputs, Precision.FLOAT64), 0, 5, 1, TrainingListener.NONE);
        assertThat(minibatch.costs()).isEqualTo(fullBatch.costs());
    }
}
