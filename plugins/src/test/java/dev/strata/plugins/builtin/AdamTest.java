package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.testing.OptimizerFactoryContract;
import org.junit.jupiter.api.Test;

class AdamTest extends OptimizerFactoryContract {
    @Override
    protected OptimizerFactory factory() {
        return new AdamFactory();
    }

    @Test
    void defaultsAreTheCoursesValues() {
        Params defaults = Params.defaults(factory().parameters());

        assertThat(defaults.asMap()).containsEntry("learning_rate", 0.001).containsEntry("beta1", 0.9)
                .containsEntry("beta2", 0.999).containsEntry("epsilon", 1e-8);
    }

    @Test
    void twoStepsWithBiasCorrectionMatchTheHandComputedValues() {
        Optimizer adam = factory().create(Params.defaults(factory().parameters()).with("learning_rate", 0.01));
        double[][] w = OptimizerSteps.run(adam);

        // step 1: bias correction makes v̂ = g1 and ŝ = g1², so each nonzero weight moves by 0.01 |g|/(|g| + 1e-8)
        assertClose(w[0], new double[] {1.0 - 0.01 * 0.5 / (0.5 + 1e-8), -2.0 + 0.01 * 0.25 / (0.25 + 1e-8), 0.5},
                1e-12);
        // step 2, from numpy's update_parameters_with_adam (t = 2)
        assertClose(w[1], new double[] {0.9819695906384652, -1.9914294476547747, 0.5074413677096172}, 1e-12);
        assertClose(adam.state().get("v_W1").toDoubleVector(),
                new double[] {0.05499999999999999, 0.007499999999999996, -0.019999999999999997}, 1e-12);
        assertClose(adam.state().get("s_W1").toDoubleVector(),
                new double[] {0.00025975000000000027, 0.00015243750000000012, 4.0000000000000044e-05}, 1e-12);
        assertThat(adam.state()).containsOnlyKeys("v_W1", "s_W1");
    }
}
