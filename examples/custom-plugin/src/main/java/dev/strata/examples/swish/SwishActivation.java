package dev.strata.examples.swish;

import dev.strata.spi.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * g(z) = z·σ(βz) and g'(z) = s·(1 + βz·(1 − s)) with s = σ(βz), computed with ND4J ops in the
 * arrays' own data type (float32 or float64).
 *
 * <p>Both passes write into the arrays they are given. Backward needs one work array for s: it is
 * allocated on the first call and reused while the shape, data type and memory order stay the
 * same, which they do from one iteration to the next. One instance per layer, so not thread-safe.
 */
final class SwishActivation implements Activation {
    private final double beta;
    private INDArray gate;

    SwishActivation(double beta) {
        this.beta = beta;
    }

    @Override
    public void forward(INDArray z, INDArray a) {
        z.mul(beta, a);
        Nd4j.exec(new Sigmoid(a, a));
        a.muli(z);
    }

    /**
     * dZ = (dA ⊙ s) ⊙ (1 + βz(1 − s)). The first product reads dA before anything is written to dZ,
     * so dZ may be dA itself. Through σ this stays finite for any z, unlike the closed form with
     * e^z, which overflows in float32 beyond z ≈ 88.
     */
    @Override
    public void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
        INDArray s = gateLike(z);
        z.mul(beta, s);
        Nd4j.exec(new Sigmoid(s, s));
        dA.mul(s, dZ);
        s.rsubi(1.0).muli(z).muli(beta).addi(1.0);
        dZ.muli(s);
    }

    /** The work array, in z's memory order so the element-wise ops walk both arrays alike. */
    private INDArray gateLike(INDArray z) {
        if (gate == null || gate.dataType() != z.dataType() || gate.ordering() != z.ordering() || !gate.equalShapes(z)) {
            gate = Nd4j.createUninitialized(z.dataType(), z.shape(), z.ordering());
        }
        return gate;
    }
}
