package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.strata.data.PreparedData;
import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.random.NumpyRandom;
import dev.strata.run.Experiment;
import dev.strata.run.ModelBuilder;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first layer trained through the input's Gram matrix follows the direct form's trajectory up
 * to rounding, on the cat data's real shapes, and continues a stopped run bit for bit.
 */
class InputGramTrainingTest {
    private static Injector injector;
    private static Map<String, PreparedData> data = new LinkedHashMap<>();

    @BeforeAll
    static void plugins() {
        injector = StrataInjector.create(List.of());
    }

    private static ModelSpec spec(String config, String... overrides) {
        return injector.getInstance(SpecLoader.class).load(Path.of("..", "configs", config), List.of(overrides));
    }

    private static PreparedData data(ModelSpec spec) {
        return data.computeIfAbsent(spec.name() + spec.dtype(), k -> injector.getInstance(Experiment.class).loadData(spec));
    }

    private static Trainer trainer(ModelSpec spec, boolean gram) {
        ModelBuilder builder = new ModelBuilder(injector.getInstance(PluginRegistry.class));
        Network network = builder.initialize(spec, data(spec).inputSize(), new NumpyRandom(spec.seed()));
        return new Trainer(network, builder.loss(spec), builder.optimizer(spec), builder.l2(spec), gram);
    }

    private static TrainingResult train(Trainer trainer, ModelSpec spec, int from, int to) {
        PreparedData d = data(spec);
        return trainer.trainFullBatch(d.train().x(), d.train().y(), from, to, 1, TrainingListener.NONE);
    }

    private static double largestDifference(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    // float32 only over the first iterations: from about iteration 70 on, the cat model's float32
    // trajectories (numpy's too) amplify last-bit differences into different, equally good runs
    @ParameterizedTest(name = "{0} {1}: {2} iterations")
    @CsvSource({"cat-deep.yaml, float64, 300, 1e-13, 1e-12", "cat-two-layer.yaml, float64, 300, 1e-13, 1e-12",
        "cat-logistic.yaml, float64, 300, 1e-13, 1e-12", "cat-deep.yaml, float32, 50, 1e-6, 1e-5"})
    void gramFormFollowsTheDirectFormUpToRounding(String config, String dtype, int iterations, double costTolerance,
            double weightTolerance) {
        ModelSpec spec = spec(config, "dtype=" + dtype);
        Trainer direct = trainer(spec, false);
        Trainer gram = trainer(spec, true);
        List<CostPoint> directCosts = train(direct, spec, 0, iterations).costs();
        TrainingResult gramResult = train(gram, spec, 0, iterations);

        assertThat(gramResult.inputGram()).isTrue();
        double worstCost = 0;
        for (int i = 0; i < iterations; i++) {
            worstCost = Math.max(worstCost, Math.abs(gramResult.costs().get(i).cost() - directCosts.get(i).cost()));
        }
        double worstWeight = 0;
        for (String name : direct.network().parameterMap().keySet()) {
            worstWeight = Math.max(worstWeight, largestDifference(direct.network().parameterMap().get(name),
                    gram.network().parameterMap().get(name)));
        }
        System.out.printf("%s %s: Gram form against direct form over %d iterations: costs within %.1e, parameters"
                + " within %.1e%n", config, dtype, iterations, worstCost, worstWeight);
        assertThat(worstCost).isLessThan(costTolerance);
        assertThat(worstWeight).isLessThan(weightTolerance);
        // the weights moved, so the comparison above says something
        assertThat(largestDifference(gram.network().parameterMap().get("W1"),
                trainer(spec, true).network().parameterMap().get("W1"))).isGreaterThan(1e-4);
    }

    @Test
    void engineStateContinuesAStoppedRunBitForBit() {
        ModelSpec spec = spec("cat-deep.yaml");
        Trainer straight = trainer(spec, true);
        List<CostPoint> straightCosts = train(straight, spec, 0, 120).costs();

        Trainer first = trainer(spec, true);
        List<CostPoint> firstCosts = train(first, spec, 0, 50).costs();
        Trainer second = trainer(spec, true);
        second.network().parameterMap().forEach((name, array) -> array.assign(first.network().parameterMap().get(name)));
        Map<String, INDArray> saved = new LinkedHashMap<>();
        first.engineState().forEach((name, array) -> saved.put(name, array.dup()));
        assertThat(saved).containsOnlyKeys("input_gram.W1_base", "input_gram.S");
        second.restoreEngineState(saved);
        second.resumeAt(first.updates());
        List<CostPoint> secondCosts = train(second, spec, 50, 120).costs();

        assertThat(firstCosts).hasSize(50);
        assertThat(secondCosts).hasSize(70);
        assertThat(firstCosts).isEqualTo(straightCosts.subList(0, 50));
        assertThat(secondCosts).isEqualTo(straightCosts.subList(50, 120));
        straight.network().parameterMap().forEach((name, array) -> assertThat(
                largestDifference(array, second.network().parameterMap().get(name))).as(name).isZero());
    }

    @Test
    void formingTheWeightsMidRunLeavesTheTrajectoryUnchanged() {
        ModelSpec spec = spec("cat-two-layer.yaml");
        Trainer plain = trainer(spec, true);
        List<CostPoint> plainCosts = train(plain, spec, 0, 60).costs();
        Trainer observed = trainer(spec, true);
        PreparedData d = data(spec);
        List<CostPoint> observedCosts = observed.trainFullBatch(d.train().x(), d.train().y(), 0, 60, 1,
                new TrainingListener() {
                    @Override
                    public void stepped(int step) {
                        observed.formParameters();
                    }
                }).costs();
        assertThat(observedCosts).isEqualTo(plainCosts);
    }

    @Test
    void onlyPlainGradientDescentWithoutL2MayUseTheGramForm() {
        ModelSpec adam = spec("cat-deep.yaml", "optimizer={type: adam, learning_rate: 0.00002}");
        assertThatThrownBy(() -> trainer(adam, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain gradient descent");
        ModelSpec l2 = spec("cat-deep.yaml", "loss={type: binary_cross_entropy, l2: 0.1}");
        assertThatThrownBy(() -> trainer(l2, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without L2");
    }

    @Test
    void gramFormIsChosenOnlyWhereItSavesAtLeastHalfTheWork() {
        // the cat model: 209 examples of 12288 inputs, 20 units
        assertThat(InputGram.pays(209, 12288, 20, 2500, DataType.DOUBLE)).isTrue();
        assertThat(InputGram.pays(209, 12288, 20, 3, DataType.DOUBLE)).isFalse();
        // as many examples as inputs: at best half the work per iteration, less the one-off products
        assertThat(InputGram.pays(12288, 12288, 20, 100_000, DataType.DOUBLE)).isFalse();
        // the Gram matrix of 20,000 examples would take 3.2 GB
        assertThat(InputGram.pays(20_000, 1_000_000, 20, 100_000, DataType.DOUBLE)).isFalse();
        assertThat(InputGram.pays(5_000, 1_000_000, 20, 100_000, DataType.DOUBLE)).isTrue();
    }

    @ParameterizedTest(name = "{0} → Gram form {1}")
    @CsvSource(delimiter = '|', value = {
        "training.iterations=3                                   | false",
        "training.iterations=100                                 | true",
        "training.input_gram=never                               | false",
        "optimizer={type: momentum, learning_rate: 0.0075}       | false",
        "loss={type: binary_cross_entropy, l2: 0.7}              | false",
        "training={epochs: 2, batch_size: 209}                   | false"})
    void experimentUsesTheGramFormForFullBatchPlainGradientDescentWhereItPays(String override, boolean expected) {
        ModelSpec spec = spec("cat-deep.yaml", "training.iterations=100", override);
        var run = injector.getInstance(Experiment.class).run(spec, data(spec), TrainingListener.NONE);
        assertThat(run.training().inputGram()).isEqualTo(expected);
        assertThat(run.training().updates()).isPositive();
    }
}
