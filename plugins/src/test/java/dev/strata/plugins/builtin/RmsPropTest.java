package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.testing.OptimizerFactoryContract;
import org.junit.jupiter.api.Test;

class RmsPropTest extends OptimizerFactoryContract {
    @Override
    protected OptimizerFactory factory() {
        return new RmsPropFactory();
    }

    @Test
    void twoStepsMatchTheHandComputedValues() {
        Optimizer rmsprop = factory().create(Params.defaults(factory().parameters()).with("learning_rate", 0.01));
        double[][] w = OptimizerSteps.run(rmsprop);

        // step 1: s = 0.1 g1² = [0.025, 0.00625, 0]; W -= 0.01 g1 / (√s + 1e-8): each nonzero moves by ~0.01/√0.1
        double root = Math.sqrt(0.1);
        assertClose(w[0], new double[] {1.0 - 0.01 * 0.5 / (0.5 * root + 1e-8),
            -2.0 + 0.01 * 0.25 / (0.25 * root + 1e-8), 0.5}, 1e-12);
        // step 2, from numpy: s = 0.9 s + 0.1 g2²
        assertClose(w[1], new double[] {0.9618539450933136, -1.9931841722648755, 0.5316227716016846}, 1e-12);
        assertClose(rmsprop.state().get("s_W1").toDoubleVector(),
                new double[] {0.023499999999999997, 0.014624999999999996, 0.004}, 1e-12);
    }
}
