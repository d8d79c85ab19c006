package dev.strata.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss over the output layer's activations {@code AL} and the labels {@code Y}, both
 * outputs × examples. The cost is the mean over examples, as in the seeds' {@code compute_cost}.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Loss {
    /** The mean cost over the examples (columns). */
    double cost(INDArray al, INDArray y);

    /**
     * {@code dAL := ∂L/∂AL} per example, not divided by the number of examples (the seeds divide in
     * the linear backward step). Writes into {@code dAL} without allocating.
     */
    void gradient(INDArray al, INDArray y, INDArray dAL);

    /**
     * Optional fast path: when this loss and the output activation have a simple combined gradient
     * (sigmoid with binary cross-entropy, softmax with categorical cross-entropy: {@code dZ = AL - Y}),
     * write {@code dZ := ∂L/∂Z} directly and return {@code true}; the engine then skips
     * {@link #gradient} and the activation's backward step for the output layer. The result must
     * equal the two-step chain rule up to rounding.
     *
     * @param activation the output layer's activation name
     */
    default boolean outputDelta(String activation, INDArray al, INDArray y, INDArray dZ) {
        return false;
    }
}
