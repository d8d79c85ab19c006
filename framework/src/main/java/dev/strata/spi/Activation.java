package dev.strata.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's activation function g, applied to the linear output Z (units × examples).
 * Implementations write into the arrays they are given and allocate nothing per call: the engine
 * reuses the same buffers every iteration.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Activation {
    /** {@code a := g(z)}. {@code a} and {@code z} are distinct arrays of the same shape. */
    void forward(INDArray z, INDArray a);

    /**
     * {@code dZ := dA ⊙ g'(z)} (or, for column-wise activations such as softmax, the Jacobian-vector
     * product per example). {@code a} holds {@code g(z)} from the forward pass. {@code dZ} may be the
     * same array as {@code dA}; implementations must read {@code dA} before overwriting it.
     */
    void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ);
}
