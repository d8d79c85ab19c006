package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.plugin.check.GradientCheck;
import dev.strata.random.NumpyRandom;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Params;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The contract of an activation: its backward is the derivative of its forward, in float64 and float32. */
public abstract class ActivationFactoryContract extends PluginFactoryContract<ActivationFactory> {

    @Override
    protected Object create(ActivationFactory factory, Params params) {
        return factory.create(params);
    }

    protected Activation activation() {
        return factory().create(sampleParams());
    }

    @Test
    void backwardMatchesCentredDifferencesOfForward() {
        GradientCheck.activation(activation()).assertBelow(1e-7);
    }

    @Test
    void float32ArraysGiveTheFloat64ResultsToFloat32Precision() {
        NumpyRandom random = new NumpyRandom(7);
        INDArray z = Nd4j.createFromArray(new double[][] {random.gaussians(6), random.gaussians(6), random.gaussians(6)});
        INDArray dA = Nd4j.createFromArray(new double[][] {random.gaussians(6), random.gaussians(6), random.gaussians(6)});
        Activation activation = activation();
        INDArray a = z.ulike();
        INDArray dZ = z.ulike();
        activation.forward(z, a);
        activation.backward(z, a, dA, dZ);

        INDArray z32 = z.castTo(DataType.FLOAT);
        INDArray a32 = z32.ulike();
        INDArray dZ32 = z32.ulike();
        activation.forward(z32, a32);
        activation.backward(z32, a32, dA.castTo(DataType.FLOAT), dZ32);

        assertThat(a32.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(a32.castTo(DataType.DOUBLE).equalsWithEps(a, 1e-5)).as("forward %s vs %s", a32, a).isTrue();
        assertThat(dZ32.castTo(DataType.DOUBLE).equalsWithEps(dZ, 1e-5)).as("backward %s vs %s", dZ32, dZ).isTrue();
    }

    @Test
    void columnMajorArraysGiveTheRowMajorResults() {
        NumpyRandom random = new NumpyRandom(11);
        INDArray z = Nd4j.createFromArray(new double[][] {random.gaussians(5), random.gaussians(5), random.gaussians(5)});
        INDArray dA = Nd4j.createFromArray(new double[][] {random.gaussians(5), random.gaussians(5), random.gaussians(5)});
        Activation activation = activation();
        INDArray a = z.ulike();
        INDArray dZ = z.ulike();
        activation.forward(z, a);
        activation.backward(z, a, dA, dZ);

        // The engine may keep activations in 'f' order, which ND4J's GEMM prefers.
        INDArray zF = z.dup('f');
        INDArray aF = Nd4j.create(DataType.DOUBLE, z.shape(), 'f');
        INDArray dZF = Nd4j.create(DataType.DOUBLE, z.shape(), 'f');
        activation.forward(zF, aF);
        activation.backward(zF, aF, dA.dup('f'), dZF);

        assertThat(aF.toDoubleMatrix()).isDeepEqualTo(a.toDoubleMatrix());
        assertThat(dZF.toDoubleMatrix()).isDeepEqualTo(dZ.toDoubleMatrix());
    }

    @Test
    void bulkValuesAndChainsAgreeWithTheScalarFunctions() {
        assumeTrue(activation() instanceof ElementwiseActivation, "not an elementwise activation");
        ElementwiseActivation activation = (ElementwiseActivation) activation();
        NumpyRandom random = new NumpyRandom(13);
        double[] z = random.gaussians(9);
        double[] dA = random.gaussians(9);
        double[] a = new double[9];
        double[] dZ = dA.clone();
        activation.values(z, a, 9);
        activation.chains(dZ, z, a, 9);
        for (int i = 0; i < 9; i++) {
            assertThat(a[i]).as("values[%d]", i).isEqualTo(activation.value(z[i]));
            assertThat(dZ[i]).as("chains[%d]", i).isEqualTo(activation.chain(dA[i], z[i], a[i]));
        }
    }
}
