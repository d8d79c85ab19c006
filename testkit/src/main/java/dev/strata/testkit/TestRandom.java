package dev.strata.testkit;

import dev.strata.spi.RandomStream;
import java.util.SplittableRandom;

/**
 * A seeded {@link RandomStream} for plugin tests: the same seed gives the same draws. (The engine's
 * own stream reproduces numpy's; a plugin must work with any stream, so tests need not use that one.)
 */
public final class TestRandom implements RandomStream {
    private final SplittableRandom random;
    private double spare = Double.NaN;

    public TestRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u;
        double v;
        double r;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            r = u * u + v * v;
        } while (r >= 1 || r == 0);
        double f = Math.sqrt(-2 * Math.log(r) / r);
        spare = u * f;
        return v * f;
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public long nextInterval(long max) {
        return max == 0 ? 0 : random.nextLong(max + 1);
    }
}
