package dev.strata.spi;

/**
 * A loss over the output layer's activations {@code A} and the targets {@code Y}, both
 * outputs × examples ({@link Matrix}, one column per example). The cost is the mean over examples,
 * as the notebooks' {@code compute_cost}.
 *
 * <p>Lifetime: {@link LossFactory#create} is called once per run. Per training step the engine
 * calls {@link #cost}, then {@link #gradient} unless the output activation is this loss's
 * {@link LossFactory#canonicalLink() canonical link}; always from one thread at a time.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public interface Loss {
    /** The mean cost over the examples (columns). */
    double cost(Matrix a, Matrix y);

    /**
     * {@code dA := ∂L/∂A} for every element, per example: not divided by the number of examples
     * (the engine divides in the layer's backward step, as the notebooks do).
     */
    void gradient(Matrix a, Matrix y, Matrix dA);
}
