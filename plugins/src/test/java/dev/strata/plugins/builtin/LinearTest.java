package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LinearTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-3.5, -0.25, 0.0}, {0.75, 2.0, 1e300}};

    @Override
    protected ActivationFactory factory() {
        return new LinearFactory();
    }

    @Test
    void copiesZForwardAndDaBackward() {
        Activation linear = activation();
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        linear.forward(z, a);
        INDArray dA = Matrices.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray dZ = z.ulike();
        linear.backward(z, a, dA, dZ);

        assertClose(a, Z, 0);
        assertClose(dZ, new double[][] {{1, 2, 3}, {4, 5, 6}}, 0);
    }
}
