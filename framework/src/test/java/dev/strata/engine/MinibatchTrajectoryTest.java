package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spec.ModelSpec;
import dev.strata.spi.NumpyRandom;
import dev.strata.testing.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped minibatch config against numpy doing the same (same random stream, permutations,
 * Adam and cost): every one of its 600 epoch costs.
 */
class MinibatchTrajectoryTest {
    @Test
    @SuppressWarnings("unchecked")
    void catAdamMinibatchAsShippedFollowsNumpysTrajectoryEveryEpoch() {
        ModelSpec spec = Engines.spec("cat-adam-minibatch.yaml");
        NumpyRandom random = new NumpyRandom(spec.seed());
        Trainer trainer = Engines.trainer(spec, false, random);
        Batches batches = Batches.minibatches(Engines.data(spec).train().inputs(), trainer.network().precision(),
                spec.training().batchSize(), true, random);

        TrainingResult result = trainer.train(batches, 0, spec.training().epochs(), 1, TrainingListener.NONE);

        List<Number> expected = (List<Number>) Golden.adamMinibatchTrajectory().get("costs");
        assertThat(result.costs()).hasSize(600);
        double worst = 0;
        for (int epoch = 0; epoch < 600; epoch++) {
            double numpy = expected.get(epoch).doubleValue();
            worst = Math.max(worst, Math.abs(result.costs().get(epoch).cost() - numpy) / numpy);
        }
        System.out.printf("cat-adam-minibatch.yaml: largest relative cost deviation from numpy %.3e over 600 epochs%n",
                worst);
        assertThat(worst).isLessThan(1e-12);
        assertThat(result.updates()).isEqualTo(2400);
    }
}
