package dev.strata.spi;

import java.util.Arrays;

/**
 * numpy's legacy global generator ({@code np.random.seed}, {@code randn}, {@code random_sample},
 * {@code permutation}) bit for bit: MT19937 seeded with {@code init_genrand}, 53-bit doubles, and
 * the polar Gaussian method with its cached spare value. Not thread-safe: one per run.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class NumpyRandom implements RandomStream {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** As {@code np.random.seed(seed)}; numpy accepts 0 ≤ seed < 2^32. */
    public NumpyRandom(long seed) {
        seed(seed);
    }

    public void seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        pos = N;
        hasGauss = false;
        gauss = 0.0;
    }

    /** The next 32 random bits, as MT19937's {@code genrand_int32}. */
    public int nextInt32() {
        if (pos >= N) {
            generate();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void generate() {
        int kk;
        int y;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        pos = 0;
    }

    @Override
    public double nextDouble() {
        long a = (nextInt32() & 0xffffffffL) >>> 5;
        long b = (nextInt32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    @Override
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * CorrectlyRoundedLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    @Override
    public long nextInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (max <= 0xffffffffL) {
            while ((value = (nextInt32() & 0xffffffffL & mask)) > max) {
                // rejection sampling, as numpy
            }
        } else {
            while ((value = (((nextInt32() & 0xffffffffL) << 32) | (nextInt32() & 0xffffffffL)) & mask) > max) {
                // rejection sampling, as numpy
            }
        }
        return value;
    }

    /** The full generator state, for checkpoints. */
    public State state() {
        return new State(mt.clone(), pos, hasGauss, gauss);
    }

    public void restore(State state) {
        if (state.key().length != N) {
            throw new IllegalArgumentException("MT19937 state needs " + N + " words, got " + state.key().length);
        }
        System.arraycopy(state.key(), 0, mt, 0, N);
        pos = state.pos();
        hasGauss = state.hasGauss();
        gauss = state.gauss();
    }

    /** numpy's {@code get_state()} tuple: key, pos, has_gauss, cached_gaussian. */
    public record State(int[] key, int pos, boolean hasGauss, double gauss) {
        /** The words of MT19937's state. */
        public static final int KEY_LENGTH = N;

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(key, s.key) && pos == s.pos && hasGauss == s.hasGauss
                    && Double.compare(gauss, s.gauss) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + pos;
        }
    }
}
