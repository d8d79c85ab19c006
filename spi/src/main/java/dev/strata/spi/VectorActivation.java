package dev.strata.spi;

/**
 * An activation that maps each example's whole column of linear outputs at once (softmax). The
 * engine hands over the batch as {@link Matrix} values, units × examples, and the activation loops
 * over the examples itself. Prefer {@link ElementwiseActivation} when each element is independent.
 *
 * <p>Call order per batch: {@link #forward}, then (when training) {@link #backward} with the same
 * {@code z} and {@code a}.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public non-sealed interface VectorActivation extends Activation {
    /** {@code a := g(z)}, column by column; {@code z} is left unchanged. */
    void forward(Matrix z, Matrix a);

    /**
     * {@code dZ := J_g(z)ᵀ · dA} for each column (the Jacobian-vector product), with {@code a = g(z)}
     * from the forward pass. {@code dZ} may be the same matrix as {@code dA}: read a column of
     * {@code dA} before writing that column of {@code dZ}.
     */
    void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ);
}
