package dev.strata.spi;

/**
 * The one random stream of a run. The default implementation reproduces numpy's legacy global
 * generator exactly ({@code np.random.seed}, {@code randn}, {@code random_sample}).
 *
 * <p>Not thread-safe: a run's stream is drawn from in a fixed order on one thread (initial weights
 * layer by layer, then minibatch shuffles), which is what makes runs reproducible.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface RandomStream {
    /** A standard normal draw, as {@code np.random.randn()}. */
    double nextGaussian();

    /** A uniform draw in [0, 1) with 53 random bits, as {@code np.random.random_sample()}. */
    double nextDouble();

    /** A uniform integer in {@code [0, max]} inclusive, as numpy's legacy {@code random_interval}. */
    long nextInterval(long max);

    /** {@code count} standard normal draws in order, as {@code np.random.randn(count)}. */
    default double[] gaussians(int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = nextGaussian();
        }
        return out;
    }

    /** {@code count} uniform draws in [0, 1) in order, as {@code np.random.random_sample(count)}. */
    default double[] uniforms(int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = nextDouble();
        }
        return out;
    }

    /** A random permutation of {@code 0..n-1}, as {@code np.random.permutation(n)}. */
    default int[] permutation(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) nextInterval(i);
            int tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }
}
