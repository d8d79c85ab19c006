package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SigmoidTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-3.5, -0.25, 0.0}, {0.75, 2.0, 40.0}};
    private static final double[][] DA = {{0.5, -1.25, 2.0}, {-0.3, 0.9, 1.1}};

    @Override
    protected ActivationFactory factory() {
        return new SigmoidFactory();
    }

    @Test
    void forwardIsOneOverOnePlusExpOfMinusZ() {
        INDArray a = Nd4j.create(DataType.DOUBLE, 2, 3);
        activation().forward(Matrices.of(Z), a);

        assertClose(a, Matrices.map(Z, z -> 1 / (1 + Math.exp(-z))), 1e-12);
    }

    @Test
    void backwardIsDaTimesSTimesOneMinusS() {
        Activation sigmoid = activation();
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        sigmoid.forward(z, a);
        INDArray dA = Matrices.of(DA);
        INDArray dZ = z.ulike();
        sigmoid.backward(z, a, dA, dZ);

        double[][] s = Matrices.map(Z, v -> 1 / (1 + Math.exp(-v)));
        double[][] expected = Matrices.zip(Matrices.zip(DA, s, (d, v) -> d * v), s, (p, v) -> p * (1 - v));
        assertClose(dZ, expected, 1e-12);
        sigmoid.backward(z, a, dA, dA);
        assertClose(dA, expected, 1e-12);
    }

    @Test
    void matchesTheSeedsLinearActivationForwardAndBackward() {
        SeedLayer.checkForward("sigmoid", activation());
        SeedLayer.checkBackward("sigmoid", activation());
    }
}
