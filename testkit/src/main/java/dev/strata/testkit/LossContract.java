package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.strata.spi.Link;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Matrix;
import dev.strata.spi.Params;
import org.junit.jupiter.api.Test;

/**
 * The contract of a loss: its gradient is the derivative of its cost (times m), and a declared
 * canonical link holds: with that output function, the cost's gradient with respect to the linear
 * output is {@code (A − Y) / m}.
 */
public abstract class LossContract extends PluginContract<LossFactory> {

    @Override
    protected Object create(LossFactory factory, Params params) {
        return factory.create(params);
    }

    protected Loss loss() {
        return factory().create(sampleParams());
    }

    /** The output width the checks use; override for losses that need a particular one. */
    protected int outputUnits() {
        return factory().canonicalLink().filter(Link.LOGISTIC::equals).isPresent() ? 1 : 3;
    }

    @Test
    void gradientMatchesCentredDifferencesOfTheCost() {
        GradientCheck.loss(loss(), outputUnits()).assertBelow(1e-7);
    }

    @Test
    void theCanonicalLinkGivesAMinusYAsTheGradientOfTheLinearOutput() {
        assumeThat(factory().canonicalLink()).as("declares a canonical link").isPresent();
        Link link = factory().canonicalLink().get();
        int units = link == Link.LOGISTIC ? 1 : outputUnits();
        TestRandom random = new TestRandom(9);
        Matrix z = GradientCheck.signedAwayFromZero(random, units, 4, 0.1, 2.0);
        Matrix y = Matrix.zeros(units, 4);
        for (int j = 0; j < 4; j++) {
            if (units == 1) {
                y.set(0, j, j % 2);
            } else {
                y.set(j % units, j, 1.0);
            }
        }
        Loss loss = loss();
        Matrix a = apply(link, z);
        double h = 1e-5;
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < 4; j++) {
                double original = z.get(i, j);
                z.set(i, j, original + h);
                double up = loss.cost(apply(link, z), y);
                z.set(i, j, original - h);
                double down = loss.cost(apply(link, z), y);
                z.set(i, j, original);
                double numeric = (up - down) / (2 * h);
                double expected = (a.get(i, j) - y.get(i, j)) / 4;
                assertThat(numeric).as("∂cost/∂z[%d, %d]", i, j).isCloseTo(expected, within(1e-7));
            }
        }
    }

    private static Matrix apply(Link link, Matrix z) {
        Matrix a = Matrix.zeros(z.rows(), z.columns());
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
                a.set(i, j, switch (link) {
                    case LOGISTIC -> 1 / (1 + Math.exp(-x));
                    case IDENTITY -> x;
                    case SOFTMAX -> Math.exp(x - max) / sum;
                });
            }
        }
        return a;
    }
}
