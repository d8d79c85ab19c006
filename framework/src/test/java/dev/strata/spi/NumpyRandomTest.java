package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumpyRandomTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> vectors() {
        return (List<Map<String, Object>>) Golden.seedTestCases().get("rng");
    }

    @Test
    void randnMatchesNumpyBitForBitForEverySeed() {
        for (Map<String, Object> v : vectors()) {
            NumpyRandom random = new NumpyRandom(((Number) v.get("seed")).longValue());
            assertThat(random.gaussians(11)).as("seed %s", v.get("seed")).containsExactly(Golden.vector(v.get("randn_11")));
        }
    }

    @Test
    void randomSampleMatchesNumpyBitForBitForEverySeed() {
        for (Map<String, Object> v : vectors()) {
            NumpyRandom random = new NumpyRandom(((Number) v.get("seed")).longValue());
            assertThat(random.uniforms(5)).as("seed %s", v.get("seed")).containsExactly(Golden.vector(v.get("random_sample_5")));
        }
    }

    @Test
    void randomSampleNeitherConsumesNorResetsTheCachedGaussian() {
        for (Map<String, Object> v : vectors()) {
            NumpyRandom random = new NumpyRandom(((Number) v.get("seed")).longValue());
            double[] drawn = {random.nextGaussian(), random.nextDouble(), random.nextGaussian(), random.nextGaussian()};
            assertThat(drawn).as("seed %s", v.get("seed"))
                    .containsExactly(Golden.vector(v.get("randn_random_sample_randn_randn")));
        }
    }

    @Test
    void reseedingStartsTheSameStreamAndDropsTheSpare() {
        NumpyRandom random = new NumpyRandom(1);
        double first = random.nextGaussian();
        random.seed(1);
        assertThat(random.nextGaussian()).isEqualTo(first);
    }

    @Test
    void permutationMatchesNumpy() {
        // np.random.seed(0); np.random.permutation(10) -> [2 8 4 9 1 6 7 3 0 5]
        assertThat(new NumpyRandom(0).permutation(10)).containsExactly(2, 8, 4, 9, 1, 6, 7, 3, 0, 5);
    }

    @Test
    void restoredStateContinuesTheSameStream() {
        NumpyRandom random = new NumpyRandom(3);
        random.nextGaussian();
        NumpyRandom.State state = random.state();
        double[] expected = random.gaussians(7);
        NumpyRandom other = new NumpyRandom(99);
        other.restore(state);
        assertThat(other.gaussians(7)).containsExactly(expected);
    }

    @Test
    void seedOutsideNumpysRangeIsRefused() {
        assertThatThrownBy(() -> new NumpyRandom(-1)).hasMessageContaining("2**32 - 1");
        assertThatThrownBy(() -> new NumpyRandom(1L << 32)).hasMessageContaining("2**32 - 1");
    }
}
