package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code linear}: the identity, for regression outputs. */
public final class LinearFactory implements ActivationFactory {
    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "the identity g(z) = z; the output layer of regressions (with mean_squared_error)";
    }

    @Override
    public Activation create(Params params) {
        return new LinearActivation();
    }

    private static final class LinearActivation implements ElementwiseActivation {
        @Override
        public void forward(INDArray z, INDArray a) {
            a.assign(z);
        }

        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            if (dZ != dA) {
                dZ.assign(dA);
            }
        }

        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0;
        }
    }
}
