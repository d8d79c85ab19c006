package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** {@code tanh}: the hyperbolic tangent. */
public final class TanhFactory implements ActivationFactory {
    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "hyperbolic tangent, output in (-1, 1)";
    }

    @Override
    public Activation create(Params params) {
        return new TanhActivation();
    }

    private static final class TanhActivation implements ElementwiseActivation {
        private final Scratch slope = new Scratch();

        @Override
        public void forward(INDArray z, INDArray a) {
            Nd4j.exec(new Tanh(z, a));
        }

        /** dZ = dA ⊙ (1 − a²), with a = tanh(z) from the forward pass. */
        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            INDArray derivative = a.mul(a, slope.like(a));
            derivative.rsubi(1.0);
            dA.mul(derivative, dZ);
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0 - a * a;
        }
    }
}
