package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's optimizer contract (fresh per run, resumes exactly from its state), plus Nesterov's two first steps. */
class NesterovTest extends OptimizerContract {
    @Override
    protected OptimizerFactory factory() {
        return SwishPlugin.NESTEROV;
    }

    @Test
    void twoStepsMatchKerasNesterovMomentum() {
        Optimizer rule = factory().create(Params.of(Map.of("momentum", 0.9)));
        double[][] state = new double[1][1];
        rule.beginUpdate(1);
        double w = rule.update(1.0, 0.5, 0.1, state, 0);
        // v = -0.05; w = 1 + 0.9 * -0.05 - 0.05
        assertThat(w).isCloseTo(0.905, within(1e-15));
        rule.beginUpdate(2);
        w = rule.update(w, 0.5, 0.1, state, 0);
        // v = 0.9 * -0.05 - 0.05 = -0.095; w = 0.905 + 0.9 * -0.095 - 0.05
        assertThat(w).isCloseTo(0.7695, within(1e-15));
        assertThat(state[0][0]).isCloseTo(-0.095, within(1e-15));
    }
}
