package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of an update rule: fresh per run, state only in its state arrays (so a run resumed
 * from them continues exactly), and each update moves parameters with a non-zero gradient.
 */
public abstract class OptimizerContract extends PluginContract<OptimizerFactory> {
    /** The learning rate the checks use: the factory's default, else 0.01. */
    protected double learningRate() {
        return factory().defaultLearningRate().orElse(0.01);
    }

    @Override
    protected Object create(OptimizerFactory factory, Params params) {
        return factory.create(params);
    }

    protected Optimizer optimizer() {
        return factory().create(sampleParams());
    }

    @Test
    void eachCreateGivesAFreshRuleBecauseRulesMayKeepPerRunFields() {
        assertThat(optimizer()).isNotSameAs(optimizer());
    }

    @Test
    void stateNamesAreShortSnakeCaseAndUnique() {
        Set<String> names = new HashSet<>();
        for (String name : optimizer().stateNames()) {
            assertThat(name).matches("[a-z][a-z0-9_]*");
            assertThat(names.add(name)).as("state %s declared once", name).isTrue();
        }
    }

    @Test
    void aRunResumedFromTheStateArraysContinuesExactly() {
        Updates uninterrupted = new Updates(optimizer(), learningRate());
        uninterrupted.step(1);
        double[][] saved = uninterrupted.snapshot();
        uninterrupted.step(2);

        Updates resumed = new Updates(optimizer(), learningRate());
        resumed.restore(saved);
        resumed.step(2);

        assertThat(resumed.values()).containsExactly(uninterrupted.values());
        assertThat(resumed.state()).isDeepEqualTo(uninterrupted.state());
    }

    @Test
    void anUpdateMovesEveryElementWithANonZeroGradient() {
        Updates updates = new Updates(optimizer(), learningRate());
        double[] before = updates.values().clone();
        updates.step(1);
        for (int i = 0; i < before.length; i++) {
            assertThat(updates.values()[i]).as("element %d", i).isNotEqualTo(before[i]);
        }
    }

    @Test
    void aZeroLearningRateLeavesParametersAlone() {
        Updates updates = new Updates(optimizer(), 0.0);
        double[] before = updates.values().clone();
        updates.step(1);
        assertThat(updates.values()).containsExactly(before);
    }

    /** What the engine does with a rule, on one parameter of 12 elements with gradients from a fixed seed. */
    static final class Updates {
        private final Optimizer rule;
        private final double rate;
        private final double[] values;
        private final double[][] gradients = new double[3][];
        private double[][] state;

        Updates(Optimizer rule, double rate) {
            this.rule = rule;
            this.rate = rate;
            TestRandom random = new TestRandom(2);
            values = random.gaussians(12);
            for (int t = 0; t < gradients.length; t++) {
                gradients[t] = random.gaussians(12);
            }
            state = new double[rule.stateNames().size()][12];
        }

        void step(long t) {
            rule.beginUpdate(t);
            double[] g = gradients[(int) (t - 1) % gradients.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = rule.update(values[i], g[i], rate, state, i);
            }
        }

        /** The values, then each state array: what a checkpoint keeps. */
        double[][] snapshot() {
            double[][] out = new double[state.length + 1][];
            out[0] = values.clone();
            for (int k = 0; k < state.length; k++) {
                out[k + 1] = state[k].clone();
            }
            return out;
        }

        void restore(double[][] snapshot) {
            System.arraycopy(snapshot[0], 0, values, 0, values.length);
            for (int k = 0; k < state.length; k++) {
                state[k] = snapshot[k + 1].clone();
            }
        }

        double[] values() {
            return values;
        }

        double[][] state() {
            return state;
        }
    }
}
