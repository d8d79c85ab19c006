package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.InitializerFactory;
import dev.strata.spi.NumpyRandom;
import dev.strata.testkit.InitializerContract;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The built-in initializers draw exactly numpy's numbers from numpy's stream; the expected values
 * are the notebooks' test cases (golden/seed-test-cases.json) and numpy 2.4's output.
 */
class InitializersTest {
    @Nested
    class LecunNormal extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new LecunNormalFactory();
        }

        @Test
        void reproducesTheNotebooksDeepModelInitialisationBitForBit() {
            // initialise_parameters_sqrt_2_4_1: np.random.seed(3); W1 = randn(4, 2) / np.sqrt(2); W2 = randn(1, 4) / 2
            NumpyRandom random = new NumpyRandom(3);
            assertThat(initializer().weights(4, 2, random)).containsExactly(1.2647513225859208, 0.30865907535175385,
                    0.06823401404104966, -1.3176883272406827, -0.19614307901907888, -0.25085247992791837,
                    -0.05850706264166845, -0.4433564303906974);
            assertThat(initializer().weights(1, 4, random)).containsExactly(-0.02190908448796412, -0.23860901517975133,
                    -0.6569323766813411, 0.4423111902497923);
        }
    }

    @Nested
    class Normal extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new NormalFactory();
        }

        @Test
        void reproducesTheNotebooksTwoLayerInitialisation() {
            // initialize_parameters_2_2_1: np.random.seed(1); W = randn(...) * 0.01 per layer
            NumpyRandom random = new NumpyRandom(1);
            assertThat(initializer().weights(2, 2, random)).containsExactly(0.01624345363663242, -0.006117564136500754,
                    -0.005281717522634557, -0.010729686221561705);
            assertThat(initializer().weights(1, 2, random)).containsExactly(0.008654076293246785, -0.02301538696880283);
        }
    }

    @Nested
    class GlorotUniform extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new GlorotUniformFactory();
        }

        @Test
        void matchesNumpyUniformBetweenMinusAndPlusTheLimit() {
            // np.random.seed(1); l = np.sqrt(6 / (4 + 3)); np.random.uniform(-l, l, (3, 4))
            assertThat(initializer().weights(3, 4, new NumpyRandom(1))).containsExactly(-0.1536453917703785,
                    0.4079616890019113, -0.92560831876294, -0.3660089546555473, -0.6540809928155329, -0.7548422457291403,
                    -0.5809332048098879, -0.28596596619561165, -0.19114949461506725, 0.071874625095665,
                    -0.1496226854746221, 0.34295987267429995);
        }

        @Test
        void staysWithinTheLimit() {
            double limit = Math.sqrt(6.0 / (20 + 30));
            double[] weights = initializer().weights(20, 30, new NumpyRandom(0));
            assertThat(Arrays.stream(weights).allMatch(w -> w >= -limit && w < limit)).isTrue();
        }
    }

    @Nested
    class GlorotNormal extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new GlorotNormalFactory();
        }

        @Test
        void isNumpysRandnTimesTheGlorotScale() {
            double[] expected = new NumpyRandom(2).gaussians(6);
            double scale = Math.sqrt(2.0 / (3 + 2));
            double[] weights = initializer().weights(2, 3, new NumpyRandom(2));
            for (int i = 0; i < 6; i++) {
                assertThat(weights[i]).isEqualTo(expected[i] * scale);
            }
        }
    }

    @Nested
    class HeNormal extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new HeNormalFactory();
        }

        @Test
        void isNumpysRandnTimesSqrtTwoOverFanIn() {
            double[] expected = new NumpyRandom(2).gaussians(6);
            double[] weights = initializer().weights(2, 3, new NumpyRandom(2));
            for (int i = 0; i < 6; i++) {
                assertThat(weights[i]).isEqualTo(expected[i] * Math.sqrt(2.0 / 3));
            }
        }
    }

    @Nested
    class Zeros extends InitializerContract {
        @Override
        protected InitializerFactory factory() {
            return new ZerosFactory();
        }

        @Test
        void givesZerosAndDrawsNothing() {
            NumpyRandom random = new NumpyRandom(4);
            assertThat(initializer().weights(2, 3, random)).containsExactly(0, 0, 0, 0, 0, 0);
            assertThat(random.nextGaussian()).isEqualTo(new NumpyRandom(4).nextGaussian());
        }
    }
}
