package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Link;
import dev.strata.spi.Matrix;
import dev.strata.spi.Params;
import dev.strata.spi.VectorActivation;
import org.junit.jupiter.api.Test;

/**
 * The contract of an activation: its derivative (or backward step) is the derivative of its value
 * (or forward step), it is a pure function, and a declared {@link Link} is exactly that function.
 */
public abstract class ActivationContract extends PluginContract<ActivationFactory> {

    @Override
    protected Object create(ActivationFactory factory, Params params) {
        return factory.create(params);
    }

    protected Activation activation() {
        return factory().create(sampleParams());
    }

    @Test
    void derivativeMatchesCentredDifferencesOfTheValue() {
        GradientCheck.activation(activation()).assertBelow(1e-7);
    }

    @Test
    void givesTheSameValuesForTheSameInputs() {
        Matrix z = GradientCheck.signedAwayFromZero(new TestRandom(3), 3, 4, 0.0, 3.0);
        assertThat(forward(activation(), z).values()).containsExactly(forward(activation(), z).values());
    }

    @Test
    void aDeclaredLinkIsExactlyThatFunction() {
        Activation activation = activation();
        assumeThat(activation.link()).as("declares a canonical link").isPresent();
        Matrix z = GradientCheck.signedAwayFromZero(new TestRandom(5), 3, 4, 0.0, 4.0);
        Matrix a = forward(activation, z);
        for (int j = 0; j < z.columns(); j++) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < z.rows(); i++) {
                max = Math.max(max, z.get(i, j));
            }
            for (int i = 0; i < z.rows(); i++) {
                sum += Math.exp(z.get(i, j) - max);
            }
            for (int i = 0; i < z.rows(); i++) {
                double x = z.get(i, j);
                double expected = switch (activation.link().get()) {
                    case LOGISTIC -> 1 / (1 + Math.exp(-x));
                    case IDENTITY -> x;
                    case SOFTMAX -> Math.exp(x - max) / sum;
                };
                assertThat(a.get(i, j)).as("a[%d, %d] for z %s", i, j, x)
                        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-14 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    /** {@code g(z)} for a whole matrix, whichever shape the activation has. */
    static Matrix forward(Activation activation, Matrix z) {
        Matrix a = Matrix.zeros(z.rows(), z.columns());
        if (activation instanceof ElementwiseActivation e) {
            for (int j = 0; j < z.columns(); j++) {
                for (int i = 0; i < z.rows(); i++) {
                    a.set(i, j, e.value(z.get(i, j)));
                }
            }
        } else {
            ((VectorActivation) activation).forward(z, a);
        }
        return a;
    }
}
