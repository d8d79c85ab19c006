package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.random.NumpyRandom;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Parameter;
import dev.strata.spi.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract of an optimizer: it declares a {@code learning_rate}, and a run resumed from
 * {@link Optimizer#state()} continues exactly as the uninterrupted run.
 */
public abstract class OptimizerFactoryContract extends PluginFactoryContract<OptimizerFactory> {

    @Override
    protected Object create(OptimizerFactory factory, Params params) {
        return factory.create(params);
    }

    protected Optimizer optimizer() {
        return factory().create(sampleParams());
    }

    @Test
    void eachCreateGivesAFreshOptimizerBecauseOptimizersKeepPerRunState() {
        assertThat(optimizer()).isNotSameAs(optimizer());
    }

    @Test
    void declaresALearningRate() {
        assertThat(factory().parameters()).anySatisfy(p -> assertThat(p.name()).isEqualTo("learning_rate"));
    }

    @Test
    void aResumedRunContinuesExactlyAsTheUninterruptedOne() {
        List<Parameter> uninterrupted = parameters();
        Optimizer first = optimizer();
        first.initialize(uninterrupted);
        first.step(1);

        Map<String, INDArray> saved = new LinkedHashMap<>();
        first.state().forEach((key, value) -> saved.put(key, value.dup()));
        List<Parameter> resumed = new ArrayList<>();
        for (Parameter p : uninterrupted) {
            resumed.add(new Parameter(p.name(), p.value().dup(), p.gradient().dup()));
        }
        Optimizer second = optimizer();
        second.initialize(resumed);
        second.restore(saved);

        first.step(2);
        second.step(2);
        for (int i = 0; i < resumed.size(); i++) {
            assertThat(resumed.get(i).value().ravel().toDoubleVector()).as(resumed.get(i).name())
                    .containsExactly(uninterrupted.get(i).value().ravel().toDoubleVector());
        }
    }

    @Test
    void stepChangesParametersWithNonZeroGradients() {
        List<Parameter> parameters = parameters();
        double[] before = parameters.get(0).value().ravel().toDoubleVector();
        Optimizer optimizer = optimizer();
        optimizer.initialize(parameters);
        optimizer.step(1);

        double[] after = parameters.get(0).value().ravel().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).as("W1[%d]", i).isNotEqualTo(before[i]);
        }
    }

    /** The engine trusts a plain step rate to mean exactly θ := θ − r·∇θ with no state (see Optimizer#plainStepRate). */
    @Test
    void aPlainStepRateMeansAStatelessStepAgainstTheGradient() {
        Optimizer optimizer = optimizer();
        java.util.OptionalDouble rate = optimizer.plainStepRate();
        org.junit.jupiter.api.Assumptions.assumeTrue(rate.isPresent(), "not plain gradient descent");
        List<Parameter> parameters = parameters();
        List<double[]> before = parameters.stream().map(p -> p.value().ravel().toDoubleVector()).toList();
        optimizer.initialize(parameters);
        for (int t = 1; t <= 2; t++) {
            optimizer.step(t);
        }
        assertThat(optimizer.state()).isEmpty();
        for (int k = 0; k < parameters.size(); k++) {
            double[] gradient = parameters.get(k).gradient().ravel().toDoubleVector();
            double[] after = parameters.get(k).value().ravel().toDoubleVector();
            for (int i = 0; i < after.length; i++) {
                double expected = before.get(k)[i] - 2 * rate.getAsDouble() * gradient[i];
                assertThat(after[i]).as("%s[%d]", parameters.get(k).name(), i)
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(expected))));
            }
        }
    }

    /** W1 (3 × 4) and b1 (3 × 1) with gradients from a fixed seed. */
    protected static List<Parameter> parameters() {
        NumpyRandom random = new NumpyRandom(2);
        return List.of(
                new Parameter("W1", matrix(random, 3, 4), matrix(random, 3, 4)),
                new Parameter("b1", matrix(random, 3, 1), matrix(random, 3, 1)));
    }

    private static INDArray matrix(NumpyRandom random, int rows, int columns) {
        return Nd4j.createFromArray(random.gaussians(rows * columns)).reshape('c', rows, columns);
    }
}
