package dev.strata.engine;

import static dev.strata.engine.Engines.largestDifference;
import static dev.strata.engine.Engines.spec;
import static dev.strata.engine.Engines.train;
import static dev.strata.engine.Engines.trainer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.io.NumpyArray;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first layer trained through the input's Gram matrix follows the direct form's trajectory up
 * to rounding, on the cat data's real shapes, and continues a stopped run bit for bit.
 *
 * <p>The cases run two at a time (each trains on one native thread; they share only read-only data).
 */
@Execution(ExecutionMode.CONCURRENT)
class InputGramTrainingTest {
    // float32 only over the first iterations: from about iteration 70 on, the cat model's float32
    // trajectories (numpy's too) amplify last-bit differences into different, equally good runs
    @ParameterizedTest(name = "{0} {1}: {2} iterations")
    @CsvSource({"cat-deep.yaml, float64, 300, 1e-13, 1e-12", "cat-two-layer.yaml, float64, 300, 1e-13, 1e-12",
        "cat-logistic.yaml, float64, 300, 1e-13, 1e-12", "cat-deep.yaml, float32, 50, 1e-6, 1e-5"})
    void gramFormFollowsTheDirectFormUpToRounding(String config, String dtype, int iterations, double costTolerance,
            double weightTolerance) {
        ModelSpec spec = spec(config, "dtype=" + dtype);
        Comparison c = bothForms(spec, iterations, config + " " + dtype);
        assertThat(c.worstCost()).isLessThan(costTolerance);
        assertThat(c.worstWeight()).isLessThan(weightTolerance);
        Trainer gram = c.gram();
        // the weights moved, so the comparison above says something
        assertThat(largestDifference(gram.network().parameterArrays().get("W1"),
                trainer(spec, true).network().parameterArrays().get("W1"))).isGreaterThan(1e-4);
    }

    private static final int ITERATIONS = 120;

    // momentum and L2: the rules under which W1 moves by c·W0 − S·Xᵀ with c ≠ 1 or a momentum average
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "optimizer={type: momentum, learning_rate: 0.0075, beta: 0.9}  | model.layers[1].units=7",
        "optimizer={type: momentum, learning_rate: 0.0075, beta: 0.9}  | loss={type: binary_cross_entropy, l2: 0.7}",
        "loss={type: binary_cross_entropy, l2: 0.7}                    | model.layers[1].units=7",
        "optimizer={type: momentum, learning_rate: 0.0075, beta: 0.8, schedule: {type: exponential, decay_rate: 0.99}}"
            + " | model.layers[0].l2=5.0"})
    void linearRulesFollowTheDirectFormUpToRounding(String rule, String penalty) {
        Comparison c = bothForms(spec("cat-deep.yaml", rule, penalty), ITERATIONS, rule + " " + penalty);
        assertThat(c.worstCost()).isLessThan(1e-13);
        assertThat(c.worstWeight()).isLessThan(1e-12);
        // momentum's average, formed for a checkpoint, is the direct form's
        assertThat(largestDifferenceOfStates(c.direct().optimizerState(), c.gram().optimizerState()))
                .isLessThan(1e-12);
    }

    /** Both forms trained from the same weights, and how far apart their costs and parameters ended. */
    private record Comparison(Trainer direct, Trainer gram, double worstCost, double worstWeight) {
    }

    private static Comparison bothForms(ModelSpec spec, int iterations, String label) {
        Trainer direct = trainer(spec, false);
        Trainer gram = trainer(spec, true);
        List<CostPoint> directCosts = train(direct, spec, 0, iterations).costs();
        TrainingResult gramResult = train(gram, spec, 0, iterations);
        assertThat(gramResult.inputGram()).isTrue();
        double worstCost = 0;
        for (int i = 0; i < iterations; i++) {
            worstCost = Math.max(worstCost, Math.abs(gramResult.costs().get(i).cost() - directCosts.get(i).cost()));
        }
        double worstWeight = largestDifference(direct.network(), gram.network());
        System.out.printf("%s: Gram form against direct form over %d iterations: costs within %.1e, parameters"
                + " within %.1e%n", label, iterations, worstCost, worstWeight);
        return new Comparison(direct, gram, worstCost, worstWeight);
    }

    @Test
    void momentumAndL2FormStateContinuesAStoppedRunBitForBit() {
        withBlasThreadsHeld(() -> {
            ModelSpec spec = spec("cat-two-layer.yaml", "optimizer={type: momentum, learning_rate: 0.0075, beta: 0.9}",
                    "loss={type: binary_cross_entropy, l2: 0.7}");
            Trainer straight = trainer(spec, true);
            List<CostPoint> straightCosts = train(straight, spec, 0, 80).costs();

            Trainer first = trainer(spec, true);
            train(first, spec, 0, 30);
            Map<String, NumpyArray> saved = first.formState();
            assertThat(saved).containsOnlyKeys("input_gram.W1_base", "input_gram.S", "input_gram.U",
                    "input_gram.scales");
            Trainer second = trainer(spec, true);
            second.network().load(first.network().parameterArrays());
            second.resume(first.updates(), first.optimizerState(), saved);
            List<CostPoint> secondCosts = train(second, spec, 30, 80).costs();

            assertThat(secondCosts).isEqualTo(straightCosts.subList(30, 80));
            assertThat(largestDifference(straight.network(), second.network())).isZero();
        });
    }

    @Test
    void aDirectFormMomentumCheckpointContinuesInTheDirectForm() {
        withBlasThreadsHeld(() -> {
            ModelSpec spec = spec("cat-two-layer.yaml", "optimizer={type: momentum, learning_rate: 0.0075, beta: 0.9}");
            Trainer straight = trainer(spec, false);
            List<CostPoint> straightCosts = train(straight, spec, 0, 60).costs();
            Trainer first = trainer(spec, false);
            train(first, spec, 0, 20);
            Trainer second = trainer(spec, true);
            second.network().load(first.network().parameterArrays());
            second.resume(first.updates(), first.optimizerState(), first.formState());
            TrainingResult rest = train(second, spec, 20, 60);

            assertThat(rest.inputGram()).isFalse();
            assertThat(rest.costs()).isEqualTo(straightCosts.subList(20, 60));
        });
    }

    /**
     * Runs an exact comparison of trainings while no other test can change OpenBLAS's thread count:
     * it is one setting per process, other tests' runs choose their own (Runs under automatic
     * threads, after the Strata facade has run), and two threads round the Gram form's large
     * products differently from one in the last bits. Blas changes the count only while holding
     * its class's monitor, so holding it keeps the count the same for both trainings.
     */
    private static void withBlasThreadsHeld(Runnable comparison) {
        synchronized (Blas.class) {
            comparison.run();
        }
    }

    private static double largestDifferenceOfStates(Map<String, NumpyArray> a, Map<String, NumpyArray> b) {
        assertThat(a.keySet()).isEqualTo(b.keySet());
        double worst = 0;
        for (String key : a.keySet()) {
            worst = Math.max(worst, largestDifference(a.get(key), b.get(key)));
        }
        return worst;
    }

    @Test
    void formStateContinuesAStoppedRunBitForBit() {
        withBlasThreadsHeld(() -> {
            ModelSpec spec = spec("cat-deep.yaml");
            Trainer straight = trainer(spec, true);
            List<CostPoint> straightCosts = train(straight, spec, 0, 120).costs();

            Trainer first = trainer(spec, true);
            List<CostPoint> firstCosts = train(first, spec, 0, 50).costs();
            Map<String, NumpyArray> saved = first.formState();
            assertThat(saved).containsOnlyKeys("input_gram.W1_base", "input_gram.S");
            Trainer second = trainer(spec, true);
            second.network().load(first.network().parameterArrays());
            second.resume(first.updates(), first.optimizerState(), saved);
            List<CostPoint> secondCosts = train(second, spec, 50, 120).costs();

            assertThat(firstCosts).hasSize(50);
            assertThat(secondCosts).hasSize(70);
            assertThat(firstCosts).isEqualTo(straightCosts.subList(0, 50));
            assertThat(secondCosts).isEqualTo(straightCosts.subList(50, 120));
            assertThat(largestDifference(straight.network(), second.network())).isZero();
        });
    }

    @Test
    void formingTheWeightsMidRunLeavesTheTrajectoryUnchanged() {
        withBlasThreadsHeld(() -> {
            ModelSpec spec = spec("cat-two-layer.yaml");
            List<CostPoint> plainCosts = train(trainer(spec, true), spec, 0, 60).costs();
            Trainer observed = trainer(spec, true);
            List<CostPoint> observedCosts = train(observed, spec, 0, 60, new TrainingListener() {
                @Override
                public void stepped(int step) {
                    observed.formParameters();
                }
            }).costs();
            assertThat(observedCosts).isEqualTo(plainCosts);
        });
    }

    @Test
    void onlyRulesLinearInTheGradientsWithoutFirstLayerL1MayUseTheGramForm() {
        ModelSpec adam = spec("cat-deep.yaml", "optimizer={type: adam, learning_rate: 0.00002}");
        assertThatThrownBy(() -> trainer(adam, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain gradient descent or momentum");
        ModelSpec l1 = spec("cat-deep.yaml", "model.layers[0].l1=0.1");
        assertThatThrownBy(() -> trainer(l1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without L1 on the first layer");
        assertThat(train(trainer(spec("cat-deep.yaml", "model.layers[1].l1=0.1"), true),
                spec("cat-deep.yaml", "model.layers[1].l1=0.1"), 0, 3).inputGram()).isTrue();
    }

    @Test
    void gramFormIsChosenOnlyWhereItSavesAtLeastHalfTheWork() {
        // the cat model: 209 examples of 12288 inputs, 20 units
        assertThat(InputGram.pays(209, 12288, 20, 2500, Precision.FLOAT64)).isTrue();
        assertThat(InputGram.pays(209, 12288, 20, 3, Precision.FLOAT64)).isFalse();
        // as many examples as inputs: at best half the work per iteration, less the one-off products
        assertThat(InputGram.pays(12288, 12288, 20, 100_000, Precision.FLOAT64)).isFalse();
        // the Gram matrix of 20,000 examples would take 3.2 GB
        assertThat(InputGram.pays(20_000, 1_000_000, 20, 100_000, Precision.FLOAT64)).isFalse();
        assertThat(InputGram.pays(5_000, 1_000_000, 20, 100_000, Precision.FLOAT64)).isTrue();
    }

    @ParameterizedTest(name = "{0} → Gram form {1}")
    @CsvSource(delimiter = '|', value = {
        "training.iterations=3                                   | false",
        "training.iterations=100                                 | true",
        "training.input_gram=never                               | false",
        "optimizer={type: momentum, learning_rate: 0.0075}       | true",
        "optimizer={type: rmsprop, learning_rate: 0.0075}        | false",
        "loss={type: binary_cross_entropy, l2: 0.7}              | true",
        "training={epochs: 2, batch_size: 209}                   | false"})
    void runsUseTheGramFormForFullBatchLinearRulesWhereItPays(String override, boolean expected) {
        ModelSpec spec = spec("cat-deep.yaml", "training.iterations=100", override);
        var run = Engines.injector().getInstance(Runs.class).train(spec, Engines.data(spec), TrainingListener.NONE);
        assertThat(run.training().inputGram()).isEqualTo(expected);
        assertThat(run.training().updates()).isPositive();
    }
}
