package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.testing.Golden;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The seeds' {@code linear_activation_forward} / {@code linear_activation_backward} test cases,
 * with the linear step written out here so that only the activation is under test.
 */
final class SeedLayer {
    private SeedLayer() {
    }

    /** Z = W·A_prev + b, then A = g(Z), against the seeds' {@code <name>_A}. */
    static void checkForward(String name, Activation activation) {
        Map<String, Object> golden = Golden.seedCase("linear_activation_forward");
        INDArray aPrev = Golden.matrix(golden.get("A_prev"));
        INDArray z = Golden.matrix(golden.get("W")).mmul(aPrev).addColumnVector(Golden.matrix(golden.get("b")));
        INDArray a = z.ulike();
        activation.forward(z, a);

        assertClose(a, Golden.matrix(golden.get(name + "_A")), 1e-12);
    }

    /** dZ = backward(Z, dA); dW = dZ·A_prevᵀ / m; db = Σ dZ / m; dA_prev = Wᵀ·dZ, against the seeds. */
    @SuppressWarnings("unchecked")
    static void checkBackward(String name, Activation activation) {
        Map<String, Object> golden = Golden.seedCase("linear_activation_backward");
        Map<String, Object> expected = (Map<String, Object>) golden.get(name);
        INDArray z = Golden.matrix(golden.get("Z"));
        INDArray a = z.ulike();
        activation.forward(z, a);
        INDArray dZ = z.ulike();
        activation.backward(z, a, Golden.matrix(golden.get("dA")), dZ);

        INDArray aPrev = Golden.matrix(golden.get("A"));
        double m = aPrev.columns();
        assertClose(dZ.mmul(aPrev.transpose()).muli(1 / m), Golden.matrix(expected.get("dW")), 1e-12);
        assertClose(dZ.sum(true, 1).muli(1 / m), Golden.matrix(expected.get("db")), 1e-12);
        assertClose(Golden.matrix(golden.get("W")).transpose().mmul(dZ), Golden.matrix(expected.get("dA_prev")), 1e-12);
    }
}
