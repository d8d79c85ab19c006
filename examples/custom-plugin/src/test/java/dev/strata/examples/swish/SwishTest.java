package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import dev.strata.testkit.ActivationContract;
import dev.strata.testkit.GradientCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's activation contract (name, parameters, registration, gradient check), plus what is particular to swish. */
class SwishTest extends ActivationContract {
    @Override
    protected ActivationFactory factory() {
        return SwishPlugin.SWISH;
    }

    private static ElementwiseActivation swish(double beta) {
        return (ElementwiseActivation) SwishPlugin.SWISH.create(Params.of(Map.of("beta", beta)));
    }

    @Test
    void derivativeIsRightForOtherBetasToo() {
        GradientCheck.activation(swish(0.3)).assertBelow(1e-7);
        GradientCheck.activation(swish(2.5)).assertBelow(1e-7);
    }

    @Test
    void isZTimesSigmoidOfBetaZ() {
        double beta = 1.7;
        for (double z : new double[] {-4, -0.5, 0, 0.25, 3}) {
            assertThat(swish(beta).value(z)).as("swish(%s)", z).isCloseTo(z / (1 + Math.exp(-beta * z)), within(1e-15));
        }
    }

    @Test
    void slopeAtZeroIsOneHalfWhateverBeta() {
        for (double beta : new double[] {0.5, 1, 4}) {
            assertThat(swish(beta).derivative(0, 0)).as("beta %s", beta).isEqualTo(0.5);
        }
    }

    @Test
    void staysFiniteWherePlainExpWouldOverflow() {
        ElementwiseActivation swish = swish(1.0);
        for (double z : new double[] {-1000, -200, 200, 1000}) {
            double a = swish.value(z);
            assertThat(a).as("swish(%s)", z).isFinite();
            assertThat(swish.derivative(z, a)).as("swish'(%s)", z).isFinite();
        }
        assertThat(swish.value(1000)).isEqualTo(1000);
        assertThat(swish.derivative(1000, 1000)).isEqualTo(1);
    }

    @Test
    void betaDefaultsToOneAndMustBePositive() {
        ParamSpec beta = SwishPlugin.SWISH.parameters().get(0);

        assertThat(beta.name()).isEqualTo("beta");
        assertThat(beta.defaultValue()).isEqualTo(1.0);
        assertThat(beta.rangeText()).isEqualTo("> 0");
    }
}
