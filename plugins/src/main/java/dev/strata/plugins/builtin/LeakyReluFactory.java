package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Params;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** {@code leaky_relu}: z for z ≥ 0, alpha · z below. */
public final class LeakyReluFactory implements ActivationFactory {
    static final String ALPHA = "alpha";

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.number(ALPHA, 0.01, "slope for z < 0").withMin(0, false));
    }

    @Override
    public String description() {
        return "z for z >= 0, alpha * z below; the gradient at z = 0 is 1 (ND4J's convention)";
    }

    @Override
    public Activation create(Params params) {
        return new LeakyReluActivation(params.getDouble(ALPHA));
    }

    private static final class LeakyReluActivation implements ElementwiseActivation {
        private final double alpha;
        private final Scratch slope = new Scratch();

        LeakyReluActivation(double alpha) {
            this.alpha = alpha;
        }

        @Override
        public void forward(INDArray z, INDArray a) {
            Nd4j.exec(new LeakyReLU(z, a, alpha));
        }

        /**
         * dZ = dA ⊙ slope with slope 1 where z ≥ 0, else alpha. (ND4J's fused leakyrelu_bp rounds
         * alpha to float32, so the slope is built first, in the arrays' own precision.)
         */
        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            INDArray slopes = slope.like(z);
            Nd4j.exec(new LeakyReLUDerivative(z, slopes, alpha));
            dA.mul(slopes, dZ);
        }

        @Override
        public double value(double z) {
            return z >= 0 ? z : alpha * z;
        }

        @Override
        public double derivative(double z, double a) {
            return z >= 0 ? 1.0 : alpha;
        }
    }
}
