package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.NumpyRandom;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Params;
import dev.strata.testkit.InitializerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The framework's initializer contract (determinism, shape, draws only from the given stream), plus
 * orthogonality and the sign convention of the usual recipe.
 */
class OrthogonalFactoryTest extends InitializerContract {
    @Override
    protected InitializerFactory factory() {
        return new OrthogonalFactory();
    }

    private static Initializer orthogonal(double gain) {
        return new OrthogonalFactory().create(Params.of(Map.of("gain", gain)));
    }

    @Test
    void rowsAreOrthonormalTimesGainWhenFanOutIsAtMostFanIn() {
        double gain = 1.7;
        for (int[] shape : new int[][] {{5, 12}, {6, 6}, {20, 12288}}) {
            int fanOut = shape[0];
            int fanIn = shape[1];
            double[] w = orthogonal(gain).weights(fanOut, fanIn, new NumpyRandom(1));

            assertIsScaledIdentity(product(w, fanOut, fanIn, true), gain * gain, fanOut + "x" + fanIn);
        }
    }

    @Test
    void columnsAreOrthonormalTimesGainWhenFanOutExceedsFanIn() {
        double gain = 0.8;
        int fanOut = 9;
        int fanIn = 4;
        double[] w = orthogonal(gain).weights(fanOut, fanIn, new NumpyRandom(2));

        assertIsScaledIdentity(product(w, fanOut, fanIn, false), gain * gain, "9x4");
    }

    /**
     * Q is the QR factor with R's diagonal made positive: Qᵀ·(the drawn matrix, tall side) is upper
     * triangular with a positive diagonal. So the first row (rows case) is the first drawn row,
     * normalised: the draws are used in numpy's row-major order and the signs are corrected.
     */
    @Test
    void matchesTheSignCorrectedQrOfTheRowMajorDraws() {
        int fanOut = 3;
        int fanIn = 7;
        double[] w = orthogonal(1.0).weights(fanOut, fanIn, new NumpyRandom(4));
        double[] drawn = new NumpyRandom(4).gaussians(fanOut * fanIn);

        for (int i = 0; i < fanOut; i++) {
            for (int j = 0; j < fanOut; j++) {
                double r = 0;
                for (int c = 0; c < fanIn; c++) {
                    r += w[i * fanIn + c] * drawn[j * fanIn + c];
                }
                if (i > j) {
                    assertThat(r).as("R[%d][%d]", i, j).isCloseTo(0, within(1e-12));
                } else if (i == j) {
                    assertThat(r).as("R[%d][%d]", i, i).isPositive();
                }
            }
        }
        double norm = 0;
        for (int c = 0; c < fanIn; c++) {
            norm += drawn[c] * drawn[c];
        }
        for (int c = 0; c < fanIn; c++) {
            assertThat(w[c]).isCloseTo(drawn[c] / Math.sqrt(norm), within(1e-14));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedOthers() {
        double[] first = orthogonal(1.0).weights(7, 30, new NumpyRandom(11));
        double[] again = orthogonal(1.0).weights(7, 30, new NumpyRandom(11));
        double[] other = orthogonal(1.0).weights(7, 30, new NumpyRandom(12));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** W·Wᵀ ({@code rows}) or Wᵀ·W, for a row-major fanOut × fanIn W. */
    private static double[][] product(double[] w, int fanOut, int fanIn, boolean rows) {
        int n = rows ? fanOut : fanIn;
        int inner = rows ? fanIn : fanOut;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += rows ? w[i * fanIn + k] * w[j * fanIn + k] : w[k * fanIn + i] * w[k * fanIn + j];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    private static void assertIsScaledIdentity(double[][] m, double scale, String what) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                assertThat(m[i][j]).as("%s: entry [%d][%d]", what, i, j).isCloseTo(i == j ? scale : 0, within(1e-12));
            }
        }
    }
}
