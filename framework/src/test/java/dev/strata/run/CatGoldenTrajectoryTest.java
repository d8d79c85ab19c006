package dev.strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Injector;
import dev.strata.engine.CostPoint;
import dev.strata.engine.TrainingListener;
import dev.strata.eval.Classification;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped configs reproduce the notebooks' full training runs on the cat / non-cat data: the
 * golden costs within 1e-6 at every logged iteration, the accuracies exactly, and the test-set
 * probabilities. This is the same path `strata train` takes (spec → plugins → engine), with the
 * first layer in its default Gram form ({@code input_gram: auto}) and in the direct form. The cases
 * run two at a time (each on one native thread), the slow direct ones first.
 */
@Execution(ExecutionMode.CONCURRENT)
class CatGoldenTrajectoryTest {
    private static final double COST_TOLERANCE = 1e-6;
    private static Injector injector;

    @BeforeAll
    static void plugins() {
        injector = StrataInjector.create(List.of());
    }

    @ParameterizedTest(name = "{0} (input_gram: {2}) reproduces golden {1}")
    @CsvSource({"cat-deep.yaml, deep_4_layer, never", "cat-two-layer.yaml, two_layer, never",
        "cat-logistic.yaml, logistic_regression, never", "cat-deep.yaml, deep_4_layer, auto",
        "cat-two-layer.yaml, two_layer, auto", "cat-logistic.yaml, logistic_regression, auto"})
    @SuppressWarnings("unchecked")
    void configReproducesTheGoldenTrajectory(String config, String golden, String inputGram) {
        ModelSpec spec = injector.getInstance(SpecLoader.class).load(Path.of("..", "configs", config),
                List.of("training.input_gram=" + inputGram));
        Runs runs = injector.getInstance(Runs.class);
        RunResult run = runs.train(spec, runs.loadData(spec), TrainingListener.NONE);
        assertThat(run.training().inputGram()).isEqualTo(inputGram.equals("auto"));

        Map<String, Object> expected = Golden.trajectory(golden);
        List<List<Number>> costs = (List<List<Number>>) expected.get("costs");
        List<CostPoint> actual = run.training().costs();
        assertThat(actual).hasSize(costs.size());
        double worst = 0;
        for (int i = 0; i < costs.size(); i++) {
            assertThat(actual.get(i).iteration()).isEqualTo(costs.get(i).get(0).longValue());
            double want = costs.get(i).get(1).doubleValue();
            assertThat(actual.get(i).cost()).as("cost at iteration %d", actual.get(i).iteration())
                    .isCloseTo(want, within(COST_TOLERANCE));
            worst = Math.max(worst, Math.abs(actual.get(i).cost() - want));
        }
        System.out.printf("%s (input_gram: %s): largest cost deviation from numpy %.3e over %d logged iterations%n",
                config, inputGram, worst, costs.size());
        Classification train = (Classification) run.train();
        Classification test = (Classification) run.test();
        assertThat(train.accuracy()).isEqualTo(((Number) expected.get("train_accuracy")).doubleValue());
        assertThat(test.accuracy()).isEqualTo(((Number) expected.get("test_accuracy")).doubleValue());
        double[] probabilities = Golden.vector(expected.get("test_probabilities"));
        assertThat(test.probabilities()).hasSize(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            assertThat(test.probabilities()[i]).as("test probability %d", i).isCloseTo(probabilities[i], within(1e-6));
        }
    }
}
