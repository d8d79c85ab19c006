package dev.strata.plugins.search;

import dev.strata.spi.SearchDimension;
import dev.strata.spi.SearchStrategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The Tree-structured Parzen Estimator as Optuna's {@code TPESampler} defines it (independent per
 * parameter, its defaults): the finished trials are split into the best
 * {@code min(ceil(0.1 n), 25)} and the rest, a Parzen estimator with a prior is fitted to each
 * group, 24 candidates are drawn from the good one, and the candidate with the highest ratio of
 * the good density to the other is proposed. Continuous values are modelled on their scale (log
 * for {@code log_uniform}), integers on {@code [min − 0.5, max + 0.5]}, and lists as categories.
 * The startup trials before it, drawn at random, are the engine's.
 */
final class TpeStrategy implements SearchStrategy {
    static final int CANDIDATES = 24;
    private final List<SearchDimension> space;
    private final boolean maximize;

    TpeStrategy(List<SearchDimension> space, boolean maximize) {
        this.space = List.copyOf(space);
        this.maximize = maximize;
    }

    @Override
    public List<Object> propose(int trial, List<Observation> finished, Random random) {
        List<Observation> sorted = new ArrayList<>(finished);
        Comparator<Observation> best = Comparator.comparingDouble(Observation::objective);
        sorted.sort(maximize ? best.reversed() : best);
        int below = Math.min((int) Math.ceil(0.1 * sorted.size()), 25);
        List<Observation> good = sorted.subList(0, below);
        List<Observation> bad = sorted.subList(below, sorted.size());
        List<Object> out = new ArrayList<>();
        for (int p = 0; p < space.size(); p++) {
            out.add(sample(space.get(p), p, good, bad, random));
        }
        return out;
    }

    private static Object sample(SearchDimension dimension, int p, List<Observation> good, List<Observation> bad,
            Random random) {
        if (dimension.kind() != SearchDimension.Kind.VALUES) {
            boolean log = dimension.kind() == SearchDimension.Kind.LOG_UNIFORM;
            boolean integer = dimension.kind() == SearchDimension.Kind.INT_UNIFORM;
            double min = dimension.min();
            double max = dimension.max();
            double low = integer ? min - 0.5 : log ? Math.log(min) : min;
            double high = integer ? max + 0.5 : log ? Math.log(max) : max;
            Parzen l = Parzen.of(scaled(good, p, log), low, high);
            Parzen g = Parzen.of(scaled(bad, p, log), low, high);
            double chosen = Double.NaN;
            double bestRatio = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CANDIDATES; c++) {
                double x = l.sample(random);
                double ratio = l.logDensity(x) - g.logDensity(x);
                if (ratio > bestRatio) {
                    bestRatio = ratio;
                    chosen = x;
                }
            }
            if (integer) {
                return Math.max((long) min, Math.min((long) max, Math.round(chosen)));
            }
            double value = log ? Math.exp(chosen) : chosen;
            return Math.max(min, Math.min(max, value));
        }
        List<Object> values = dimension.values();
        double[] lw = categoryWeights(good, p, dimension);
        double[] gw = categoryWeights(bad, p, dimension);
        int chosen = 0;
        double bestRatio = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            int i = pick(lw, random);
            double ratio = Math.log(lw[i]) - Math.log(gw[i]);
            if (ratio > bestRatio) {
                bestRatio = ratio;
                chosen = i;
            }
        }
        return values.get(chosen);
    }

    private static double[] scaled(List<Observation> observations, int p, boolean log) {
        double[] out = new double[observations.size()];
        for (int i = 0; i < out.length; i++) {
            double v = ((Number) observations.get(i).values().get(p)).doubleValue();
            out[i] = log ? Math.log(v) : v;
        }
        return out;
    }

    /**
     * Each category's probability as Optuna's Parzen estimator gives it: a kernel per observation
     * ({@code 1} on its category plus {@code 1 / kernels} on every category, normalised) and a
     * uniform prior kernel, averaged.
     */
    private static double[] categoryWeights(List<Observation> observations, int p, SearchDimension dimension) {
        int k = dimension.values().size();
        int kernels = observations.size() + 1;
        double smoothing = 1.0 / kernels;
        double[] w = new double[k];
        for (Observation o : observations) {
            int i = dimension.indexOf(o.values().get(p));
            double row = 1 + smoothing * k;
            for (int c = 0; c < k; c++) {
                w[c] += (smoothing + (c == i ? 1 : 0)) / row;
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] = (w[c] + 1.0 / k) / kernels;
        }
        return w;
    }

    private static int pick(double[] weights, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * A mixture of Gaussians truncated to {@code [low, high]}: one per observation and a prior (the
     * interval's middle, its width as sigma), equal weights; each observation's sigma is the larger
     * distance to its sorted neighbours, clipped to {@code [(high − low) / min(100, n + 1), high − low]}
     * (Optuna's default bandwidth).
     */
    record Parzen(double[] mus, double[] sigmas, double low, double high) {
        static Parzen of(double[] observed, double low, double high) {
            int n = observed.length;
            double[] mus = new double[n + 1];
            System.arraycopy(observed, 0, mus, 0, n);
            mus[n] = 0.5 * (low + high);
            double[] sorted = mus.clone();
            java.util.Arrays.sort(sorted);
            double width = high - low;
            double min = width / Math.min(100.0, n + 1);
            double[] sigmas = new double[n + 1];
            for (int i = 0; i < n; i++) {
                int at = java.util.Arrays.binarySearch(sorted, mus[i]);
                double left = at > 0 ? mus[i] - sorted[at - 1] : mus[i] - low;
                double right = at < sorted.length - 1 ? sorted[at + 1] - mus[i] : high - mus[i];
                sigmas[i] = Math.max(min, Math.min(width, Math.max(left, right)));
            }
            sigmas[n] = width;
            return new Parzen(mus, sigmas, low, high);
        }

        double sample(Random random) {
            int i = random.nextInt(mus.length);
            for (int attempt = 0; attempt < 1000; attempt++) {
                double x = mus[i] + sigmas[i] * random.nextGaussian();
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return Math.max(low, Math.min(high, mus[i]));
        }

        double logDensity(double x) {
            double sum = 0;
            for (int i = 0; i < mus.length; i++) {
                double z = (x - mus[i]) / sigmas[i];
                double mass = phi((high - mus[i]) / sigmas[i]) - phi((low - mus[i]) / sigmas[i]);
                sum += Math.exp(-0.5 * z * z) / (sigmas[i] * Math.sqrt(2 * Math.PI) * Math.max(mass, 1e-300));
            }
            return Math.log(sum / mus.length);
        }

        private static double phi(double z) {
            return 0.5 * (1 + erf(z / Math.sqrt(2)));
        }

        /** Abramowitz and Stegun 7.1.26 (error below 1.5e-7, plenty for a density ratio). */
        private static double erf(double x) {
            double t = 1 / (1 + 0.3275911 * Math.abs(x));
            double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                    * t * Math.exp(-x * x);
            return x >= 0 ? y : -y;
        }
    }
}
