package dev.strata.plugins.builtin;

import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;

/** {@code softmax}: per example (column), e^z normalised over the units. */
public final class SoftmaxFactory implements ActivationFactory {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String description() {
        return "per example, exp(z - max z) / sum over units; the output layer of multi-class classifiers";
    }

    @Override
    public Activation create(Params params) {
        return new SoftmaxActivation();
    }

    private static final class SoftmaxActivation implements Activation {
        /** One value per example: the column maximum, then the column sum, then Σ dA ⊙ A. */
        private final Scratch perExample = new Scratch();

        /** a = exp(z − max_units z) / Σ_units exp(z − max_units z); subtracting the max keeps exp finite. */
        @Override
        public void forward(INDArray z, INDArray a) {
            INDArray column = perExample.vector(z, z.columns());
            Nd4j.exec(new Max(z, column, 0));
            Nd4j.exec(new BroadcastSubOp(z, column, a, 1));
            Nd4j.exec(new Exp(a, a));
            a.sum(column, 0);
            Nd4j.exec(new BroadcastDivOp(a, column, a, 1));
        }

        /** The Jacobian-vector product per example: dZ = A ⊙ (dA − Σ_units dA ⊙ A). */
        @Override
        public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
            INDArray projection = perExample.vector(a, a.columns());
            Nd4j.exec(new Dot(dA, a, projection, 0));
            Nd4j.exec(new BroadcastSubOp(dA, projection, dZ, 1));
            dZ.muli(a);
        }
    }
}
