package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class ReluTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-3.5, -0.25, 0.0}, {0.75, 2.0, -0.0}};
    private static final double[][] DA = {{0.5, -1.25, 2.0}, {-0.3, 0.9, 1.1}};

    @Override
    protected ActivationFactory factory() {
        return new ReluFactory();
    }

    @Test
    void forwardIsMaxOfZeroAndZ() {
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        activation().forward(z, a);

        assertClose(a, Matrices.map(Z, v -> Math.max(0, v)), 0);
    }

    @Test
    void backwardPassesDaWhereZIsPositiveAndZeroElsewhereIncludingAtZero() {
        Activation relu = activation();
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        relu.forward(z, a);
        INDArray dA = Matrices.of(DA);
        INDArray dZ = z.ulike();
        relu.backward(z, a, dA, dZ);

        double[][] expected = {{0, 0, 0}, {-0.3, 0.9, 0}};
        assertClose(dZ, expected, 0);
        relu.backward(z, a, dA, dA);
        assertClose(dA, expected, 0);
    }

    @Test
    void matchesTheSeedsLinearActivationForwardAndBackward() {
        SeedLayer.checkForward("relu", activation());
        SeedLayer.checkBackward("relu", activation());
    }
}
