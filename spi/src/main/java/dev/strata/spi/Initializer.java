package dev.strata.spi;

/**
 * Draws a layer's initial weights. Biases always start at zero, as in the notebooks.
 * Layers are initialised in order from the one shared {@link RandomStream}, so a spec reproduces the
 * same numbers as numpy's {@code np.random.seed(s)} followed by the same draws.
 *
 * <p>Lifetime: {@link InitializerFactory#create} is called once per layer and run, and
 * {@link #weights} once, on one thread. Draw only from the stream given, so that the draws that
 * follow (the next layer's, then minibatch shuffles) stay the same for the same seed.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Initializer {
    /**
     * Returns the {@code fanOut × fanIn} weight matrix in row-major order (the order numpy fills
     * {@code randn(fanOut, fanIn)}), so {@code result[r * fanIn + c]} is {@code W[r][c]}.
     */
    double[] weights(int fanOut, int fanIn, RandomStream random);
}
