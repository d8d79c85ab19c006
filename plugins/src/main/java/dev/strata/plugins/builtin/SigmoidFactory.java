package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/** {@code sigmoid}: g(z) = 1 / (1 + e^−z), the seeds' output activation. */
public final class SigmoidFactory implements ActivationFactory {
    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "1 / (1 + exp(-z)); the output layer of binary classifiers";
    }

    @Override
    public Activation create(Params params) {
        return new SigmoidActivation();
    }

    private static final class SigmoidActivation implements ElementwiseActivation {
        private final Scratch oneMinusA = new Scratch();

        @Override
        public void forward(INDArray z, INDArray a) {
            Nd4j.exec(new Sigmoid(z, a));
        }

        /** dZ = (dA ⊙ s) ⊙ (1 − s), in the seeds' order of operations, with s = a from the forward pass. */
        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            INDArray complement = a.rsub(1.0, oneMinusA.like(a));
            dA.mul(a, dZ);
            dZ.muli(complement);
        }

        @Override
        public double value(double z) {
            return 1.0 / (1.0 + Math.exp(-z));
        }

        @Override
        public double derivative(double z, double a) {
            return a * (1.0 - a);
        }

        @Override
        public double chain(double dA, double z, double a) {
            return dA * a * (1.0 - a);
        }
    }
}
