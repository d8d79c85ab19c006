package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Params;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LeakyReluTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-3.5, -0.25, 0.0}, {0.75, 2.0, -1.0}};
    private static final double[][] DA = {{0.5, -1.25, 2.0}, {-0.3, 0.9, 1.1}};

    @Override
    protected ActivationFactory factory() {
        return new LeakyReluFactory();
    }

    @Test
    void alphaDefaultsToOneHundredthAndIsAtLeastZero() {
        assertThat(factory().parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("alpha");
            assertThat(p.defaultValue()).isEqualTo(0.01);
            assertThat(p.rangeText()).isEqualTo(">= 0");
        });
    }

    @Test
    void scalesNegativeInputsAndTheirGradientsByAlpha() {
        Activation leaky = factory().create(Params.of(java.util.Map.of("alpha", 0.2)));
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        leaky.forward(z, a);
        INDArray dA = Matrices.of(DA);
        INDArray dZ = z.ulike();
        leaky.backward(z, a, dA, dZ);

        assertClose(a, Matrices.map(Z, v -> v >= 0 ? v : 0.2 * v), 1e-15);
        assertClose(dZ, Matrices.zip(DA, Z, (d, v) -> v >= 0 ? d : 0.2 * d), 1e-15);
        leaky.backward(z, a, dA, dA);
        assertClose(dA, dZ, 0);
    }
}
