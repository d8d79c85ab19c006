package dev.strata.spi;

/**
 * Draws a layer's initial weights. Biases always start at zero, as in the seeds' notebooks.
 * Layers are initialised in order from the one shared {@link RandomStream}, so a spec reproduces the
 * same numbers as numpy's {@code np.random.seed(s)} followed by the same draws.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Initializer {
    /**
     * Returns the {@code fanOut × fanIn} weight matrix in row-major order (the order numpy fills
     * {@code randn(fanOut, fanIn)}), so {@code result[r * fanIn + c]} is {@code W[r][c]}.
     */
    double[] weights(int fanOut, int fanIn, RandomStream random);
}
