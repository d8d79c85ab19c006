package dev.strata.engine;

import dev.strata.spi.RandomStream;
import java.util.Arrays;

/**
 * What training adds to the plain step: the loss's L2 on every layer's weights, each layer's own L2
 * and L1, and inverted dropout of hidden layers' activations drawn from the run's random stream.
 * Arrays are indexed by layer, 0-based.
 *
 * @param lossL2 the loss's {@code l2}: {@code λ/(2m) Σ_l ‖W_l‖²} over every layer, as the course writes it
 * @param l2 each layer's own L2 strength, added to {@code lossL2} for that layer
 * @param l1 each layer's L1 strength: {@code λ/m Σ|W|}, gradient {@code λ/m sign(W)}
 * @param dropout each layer's dropped fraction, 0 for none (never the output layer)
 * @param random where dropout masks are drawn from; {@code null} when nothing drops out
 */
public record Regularization(double lossL2, double[] l2, double[] l1, double[] dropout, RandomStream random) {
    public Regularization {
        l2 = l2.clone();
        l1 = l1.clone();
        dropout = dropout.clone();
        if (random == null && Arrays.stream(dropout).anyMatch(p -> p > 0)) {
            throw new IllegalArgumentException("dropout needs a random stream");
        }
    }

    /** Only the loss's L2 (0 for none). */
    public static Regularization lossL2(double l2, int layers) {
        return new Regularization(l2, new double[layers], new double[layers], new double[layers], null);
    }

    public boolean dropsOut() {
        return Arrays.stream(dropout).anyMatch(p -> p > 0);
    }

    @Override
    public String toString() {
        return "l2 " + lossL2 + ", layer l2 " + Arrays.toString(l2) + ", l1 " + Arrays.toString(l1) + ", dropout "
                + Arrays.toString(dropout);
    }
}
