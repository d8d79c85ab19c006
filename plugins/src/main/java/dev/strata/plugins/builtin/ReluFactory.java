package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** {@code relu}: g(z) = max(0, z), the seeds' hidden-layer activation. */
public final class ReluFactory implements ActivationFactory {
    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "max(0, z); the gradient at z = 0 is 0, as in the seeds";
    }

    @Override
    public Activation create(Params params) {
        return new ReluActivation();
    }

    private static final class ReluActivation implements ElementwiseActivation {
        @Override
        public void forward(INDArray z, INDArray a) {
            Nd4j.exec(new RectifiedLinear(z, a, 0.0));
        }

        /** dZ = dA where z > 0, else 0 (the seeds' {@code dZ[Z <= 0] = 0}); safe when dZ is dA. */
        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            Nd4j.exec(new RectifiedLinearDerivative(z, dA, dZ));
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1.0 : 0.0;
        }

        /** dA where z > 0, else 0 (not −0 for negative dA), as the seeds' {@code dZ[Z <= 0] = 0}. */
        @Override
        public double chain(double dA, double z, double a) {
            return z > 0 ? dA : 0.0;
        }
    }
}
