package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.plugin.check.GradientCheck;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The framework's activation contract (name, parameters, registration, gradient check in float64,
 * float32 agreement), plus what is particular to swish.
 */
class SwishFactoryTest extends ActivationFactoryContract {
    @Override
    protected ActivationFactory factory() {
        return new SwishFactory();
    }

    private static Activation swish(double beta) {
        return new SwishFactory().create(Params.of(java.util.Map.of("beta", beta)));
    }

    @Test
    void backwardIsTheDerivativeOfForwardForOtherBetas() {
        GradientCheck.activation(swish(0.3)).assertBelow(1e-7);
        GradientCheck.activation(swish(2.5)).assertBelow(1e-7);
    }

    @Test
    void forwardIsZTimesSigmoidOfBetaZ() {
        double beta = 1.7;
        double[] zs = {-4, -0.5, 0, 0.25, 3};
        INDArray z = Nd4j.createFromArray(new double[][] {zs});
        INDArray a = z.ulike();

        swish(beta).forward(z, a);

        for (int j = 0; j < zs.length; j++) {
            double expected = zs[j] / (1 + Math.exp(-beta * zs[j]));
            assertThat(a.getDouble(0, j)).as("swish(%s)", zs[j]).isCloseTo(expected, within(1e-15));
        }
    }

    @Test
    void slopeAtZeroIsOneHalfWhateverBeta() {
        for (double beta : new double[] {0.5, 1, 4}) {
            INDArray z = Nd4j.zeros(DataType.DOUBLE, 1, 1);
            INDArray a = z.ulike();
            INDArray dZ = z.ulike();
            Activation swish = swish(beta);
            swish.forward(z, a);
            swish.backward(z, a, Nd4j.ones(DataType.DOUBLE, 1, 1), dZ);

            assertThat(dZ.getDouble(0, 0)).as("beta %s", beta).isEqualTo(0.5);
        }
    }

    @Test
    void staysFiniteInFloat32WherePlainExpWouldOverflow() {
        INDArray z = Nd4j.createFromArray(new float[][] {{-200f, -90f, 90f, 200f}});
        INDArray a = z.ulike();
        INDArray dZ = z.ulike();
        Activation swish = swish(1.0);

        swish.forward(z, a);
        swish.backward(z, a, Nd4j.ones(DataType.FLOAT, 1, 4), dZ);

        float[] expectedA = {0f, 0f, 90f, 200f};
        float[] expectedSlope = {0f, 0f, 1f, 1f};
        for (int j = 0; j < 4; j++) {
            assertThat(a.getFloat(0, j)).as("swish(%s)", z.getFloat(0, j)).isCloseTo(expectedA[j], within(1e-30f));
            assertThat(dZ.getFloat(0, j)).as("swish'(%s)", z.getFloat(0, j)).isCloseTo(expectedSlope[j], within(1e-30f));
        }
    }

    @Test
    void betaDefaultsToOneAndMustBePositive() {
        ParamSpec beta = new SwishFactory().parameters().get(0);

        assertThat(beta.name()).isEqualTo("beta");
        assertThat(beta.defaultValue()).isEqualTo(1.0);
        assertThat(beta.rangeText()).isEqualTo("> 0");
    }
}
