package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.testing.ActivationFactoryContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class SoftmaxTest extends ActivationFactoryContract {
    private static final double[][] Z = {{-1.0, 0.5, 3.0, 0.0}, {2.0, 0.25, -2.0, 0.0}, {0.1, -0.5, 1.0, 0.0}};
    private static final double[][] DA = {{0.5, -1.25, 2.0, 1.0}, {-0.3, 0.9, 1.1, 0.0}, {0.7, 0.2, -0.4, -1.0}};

    @Override
    protected ActivationFactory factory() {
        return new SoftmaxFactory();
    }

    @Test
    void forwardNormalisesEachExampleOverTheUnits() {
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        activation().forward(z, a);

        assertClose(a, softmax(Z), 1e-12);
    }

    @Test
    void largeInputsStayFiniteBecauseTheColumnMaximumIsSubtracted() {
        INDArray z = Matrices.of(new double[][] {{1000, -1000}, {1001, -1001}, {1002, -1002}});
        INDArray a = z.ulike();
        activation().forward(z, a);

        assertClose(a, softmax(new double[][] {{0, 0}, {1, -1}, {2, -2}}), 1e-12);
    }

    @Test
    void float32LargeInputsStayFiniteToo() {
        INDArray z = Matrices.of(new double[][] {{100, 0}, {101, 0}}).castTo(DataType.FLOAT);
        INDArray a = z.ulike();
        activation().forward(z, a);

        assertClose(a.castTo(DataType.DOUBLE), softmax(new double[][] {{0, 0}, {1, 0}}), 1e-6);
    }

    @Test
    void backwardIsTheJacobianVectorProductPerExample() {
        Activation softmax = activation();
        INDArray z = Matrices.of(Z);
        INDArray a = z.ulike();
        softmax.forward(z, a);
        INDArray dA = Matrices.of(DA);
        INDArray dZ = z.ulike();
        softmax.backward(z, a, dA, dZ);

        double[][] s = softmax(Z);
        double[][] expected = new double[3][4];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    // ∂a_k/∂z_i = a_k (δ_ki − a_i)
                    expected[i][j] += DA[k][j] * s[k][j] * ((k == i ? 1 : 0) - s[i][j]);
                }
            }
        }
        assertClose(dZ, expected, 1e-12);
        softmax.backward(z, a, dA, dA);
        assertClose(dA, expected, 1e-12);
    }

    private static double[][] softmax(double[][] z) {
        double[][] out = new double[z.length][z[0].length];
        for (int j = 0; j < z[0].length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : z) {
                max = Math.max(max, row[j]);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                out[i][j] = Math.exp(z[i][j] - max);
                sum += out[i][j];
            }
            for (int i = 0; i < z.length; i++) {
                out[i][j] /= sum;
            }
        }
        return out;
    }
}
