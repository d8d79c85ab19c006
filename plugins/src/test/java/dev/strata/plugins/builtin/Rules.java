package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Optimizer;

/** Two updates of W = [1, −2, 0.5] with gradients g1 = [0.5, −0.25, 0] then g2 = [0.1, 0.3, −0.2], as the engine runs a rule. */
final class Rules {
    static final double[] W0 = {1.0, -2.0, 0.5};
    static final double[] G1 = {0.5, -0.25, 0.0};
    static final double[] G2 = {0.1, 0.3, -0.2};

    final double[][] values = new double[2][];
    final double[][] state;

    private Rules(Optimizer rule, double rate) {
        state = new double[rule.stateNames().size()][3];
        double[] w = W0.clone();
        double[][] gradients = {G1, G2};
        for (int t = 1; t <= 2; t++) {
            rule.beginUpdate(t);
            for (int i = 0; i < 3; i++) {
                w[i] = rule.update(w[i], gradients[t - 1][i], rate, state, i);
            }
            values[t - 1] = w.clone();
        }
    }

    /** W after each of the two updates (rows), and the rule's state after the second. */
    static Rules run(Optimizer rule, double rate) {
        return new Rules(rule, rate);
    }

    /** Every element within {@code tolerance} relative to max(1, |expected|). */
    static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("[%d]: %s vs expected %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(expected[i])));
        }
    }
}
