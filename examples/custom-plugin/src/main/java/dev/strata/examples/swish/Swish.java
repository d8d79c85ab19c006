package dev.strata.examples.swish;

import dev.strata.spi.ElementwiseActivation;

/**
 * swish, g(z) = z·σ(βz), with g'(z) = s + βa(1 − s) where s = σ(βz) and a = g(z) (Ramachandran et al.,
 * 2017). That is all an activation is: the engine runs it in its fused per-layer passes.
 */
record Swish(double beta) implements ElementwiseActivation {
    @Override
    public double value(double z) {
        return z / (1 + Math.exp(-beta * z));
    }

    @Override
    public double derivative(double z, double a) {
        double s = 1 / (1 + Math.exp(-beta * z));
        return s + beta * a * (1 - s);
    }
}
