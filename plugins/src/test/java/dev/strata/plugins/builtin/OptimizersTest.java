package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Rules.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.GradientDescent;
import dev.strata.spi.Momentum;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import dev.strata.testkit.OptimizerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The built-in rules against hand-computed (and numpy-computed) updates, and the rule contract. */
class OptimizersTest {
    @Nested
    class GradientDescentRule extends OptimizerContract {
        @Override
        protected OptimizerFactory factory() {
            return Optimizers.GRADIENT_DESCENT;
        }

        @Test
        void isThePlainRuleTheEngineRecognisesAndNeedsALearningRate() {
            assertThat(factory().create(Params.empty())).isInstanceOf(GradientDescent.class);
            assertThat(factory().defaultLearningRate()).isEmpty();
            assertThat(factory().parameters()).isEmpty();
        }

        @Test
        void stepsAgainstTheGradient() {
            Rules r = Rules.run(factory().create(Params.empty()), 0.1);
            assertClose(r.values[0], new double[] {0.95, -1.975, 0.5}, 1e-15);
            assertClose(r.values[1], new double[] {0.94, -2.005, 0.52}, 1e-15);
        }
    }

    @Nested
    class MomentumRule extends OptimizerContract {
        @Override
        protected OptimizerFactory factory() {
            return Optimizers.MOMENTUM;
        }

        @Test
        void isTheSpisLinearRuleSoTheEngineMayTrainTheFirstLayerInItsGramForm() {
            assertThat(factory().create(Params.of(Map.of("beta", 0.8)))).isInstanceOfSatisfying(Momentum.class,
                    rule -> assertThat(rule.beta()).isEqualTo(0.8));
        }

        @Test
        void twoUpdatesMatchTheHandComputedValues() {
            Rules r = Rules.run(factory().create(Params.of(Map.of("beta", 0.9))), 0.1);
            // v = 0.1 g1 = [0.05, -0.025, 0]; W = W0 - 0.1 v
            assertClose(r.values[0], new double[] {0.995, -1.9975, 0.5}, 1e-12);
            // v = 0.9 v + 0.1 g2 = [0.055, 0.0075, -0.02]; W -= 0.1 v (numpy: [0.9895, -1.99825, 0.502])
            assertClose(r.values[1], new double[] {0.9895, -1.99825, 0.502}, 1e-12);
            assertClose(r.state[0], new double[] {0.05499999999999999, 0.007499999999999996, -0.019999999999999997},
                    1e-12);
        }

        @Test
        void betaDefaultsToNineTenthsAndStaysBelowOne() {
            assertThat(factory().parameters()).singleElement().satisfies(p -> {
                assertThat(p.defaultValue()).isEqualTo(0.9);
                assertThat(inRange(p, 1.0)).isFalse();
                assertThat(inRange(p, 0.0)).isTrue();
            });
            assertThat(factory().defaultLearningRate()).isEmpty();
        }
    }

    @Nested
    class RmsPropRule extends OptimizerContract {
        @Override
        protected OptimizerFactory factory() {
            return Optimizers.RMSPROP;
        }

        @Test
        void twoUpdatesMatchNumpy() {
            Rules r = Rules.run(factory().create(Params.defaults(factory().parameters())), 0.01);
            // s = 0.1 g1² = [0.025, 0.00625, 0]; W -= 0.01 g1 / (√s + 1e-8)
            double root = Math.sqrt(0.1);
            assertClose(r.values[0], new double[] {1.0 - 0.01 * 0.5 / (0.5 * root + 1e-8),
                -2.0 + 0.01 * 0.25 / (0.25 * root + 1e-8), 0.5}, 1e-12);
            assertClose(r.values[1], new double[] {0.9618539450933136, -1.9931841722648755, 0.5316227716016846}, 1e-12);
            assertClose(r.state[0], new double[] {0.023499999999999997, 0.014624999999999996, 0.004}, 1e-12);
        }
    }

    @Nested
    class AdamRule extends OptimizerContract {
        @Override
        protected OptimizerFactory factory() {
            return Optimizers.ADAM;
        }

        @Test
        void defaultsAreTheCoursesValues() {
            assertThat(Params.defaults(factory().parameters()).asMap()).containsEntry("beta1", 0.9)
                    .containsEntry("beta2", 0.999).containsEntry("epsilon", 1e-8);
            assertThat(factory().defaultLearningRate()).hasValue(0.001);
            assertThat(factory().create(Params.defaults(factory().parameters())).stateNames()).containsExactly("v", "s");
        }

        @Test
        void twoUpdatesWithBiasCorrectionMatchNumpy() {
            Rules r = Rules.run(factory().create(Params.defaults(factory().parameters())), 0.01);
            // t = 1: v̂ = g1 and ŝ = g1², so each nonzero weight moves by 0.01 |g| / (|g| + 1e-8)
            assertClose(r.values[0], new double[] {1.0 - 0.01 * 0.5 / (0.5 + 1e-8), -2.0 + 0.01 * 0.25 / (0.25 + 1e-8),
                0.5}, 1e-12);
            // t = 2, from numpy's update_parameters_with_adam
            assertClose(r.values[1], new double[] {0.9819695906384652, -1.9914294476547747, 0.5074413677096172}, 1e-12);
            assertClose(r.state[0], new double[] {0.05499999999999999, 0.007499999999999996, -0.019999999999999997},
                    1e-12);
            assertClose(r.state[1], new double[] {0.00025975000000000027, 0.00015243750000000012, 4.0000000000000044e-05},
                    1e-12);
        }
    }
}
