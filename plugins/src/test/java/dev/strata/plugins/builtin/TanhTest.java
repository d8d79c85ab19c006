package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TanhTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-3.5, -0.25, 0.0}, {0.75, 2.0, 20.0}};
    private static final double[][] DA = {{0.5, -1.25, 2.0}, {-0.3, 0.9, 1.1}};

    @Override
    protected ActivationFactory factory() {
        return new TanhFactory();
    }

    @Test
    void forwardIsTheHyperbolicTangentAndBackwardIsDaTimesOneMinusASquared() {
        Activation tanh = activation();
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        tanh.forward(z, a);
        INDArray dZ = z.ulike();
        tanh.backward(z, a, Matrices.of(DA), dZ);

        assertClose(a, Matrices.map(Z, Math::tanh), 1e-12);
        assertClose(dZ, Matrices.zip(DA, Z, (d, v) -> d * (1 - Math.tanh(v) * Math.tanh(v))), 1e-12);
    }
}
