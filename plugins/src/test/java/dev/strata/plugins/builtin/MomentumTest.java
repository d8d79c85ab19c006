package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.testing.OptimizerFactoryContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MomentumTest extends OptimizerFactoryContract {
    @Override
    protected OptimizerFactory factory() {
        return new MomentumFactory();
    }

    @Test
    void twoStepsMatchTheHandComputedValues() {
        Optimizer momentum = factory().create(Params.of(Map.of("learning_rate", 0.1, "beta", 0.9)));
        double[][] w = OptimizerSteps.run(momentum);

        // step 1: v = 0.1 g1 = [0.05, -0.025, 0]; W = W0 - 0.1 v = [0.995, -1.9975, 0.5]
        assertClose(w[0], new double[] {0.995, -1.9975, 0.5}, 1e-12);
        // step 2: v = 0.9 v + 0.1 g2 = [0.055, 0.0075, -0.02]; W -= 0.1 v (numpy: [0.9895, -1.99825, 0.502])
        assertClose(w[1], new double[] {0.9895, -1.99825, 0.502}, 1e-12);
        assertClose(momentum.state().get("v_W1").toDoubleVector(),
                new double[] {0.05499999999999999, 0.007499999999999996, -0.019999999999999997}, 1e-12);
    }

    @Test
    void restoringStateWithOtherKeysSaysToResumeWithTheSameSpec() {
        Optimizer momentum = optimizer();
        OptimizerSteps.run(momentum);

        assertThatThrownBy(() -> momentum.restore(Map.of("s_W1", Nd4j.zeros(1, 3))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("[s_W1]")
                .hasMessageContaining("[v_W1]")
                .hasMessageContaining("resume with the spec that wrote the checkpoint");
    }

    @Test
    void betaDefaultsToNineTenthsAndStaysBelowOne() {
        assertThat(factory().parameters()).filteredOn(p -> p.name().equals("beta")).singleElement().satisfies(p -> {
            assertThat(p.defaultValue()).isEqualTo(0.9);
            assertThat(inRange(p, 1.0)).isFalse();
            assertThat(inRange(p, 0.0)).isTrue();
        });
    }
}
