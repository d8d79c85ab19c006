package dev.strata.spi;

import java.util.List;

/**
 * Gradient descent with momentum as the deep-learning course writes it: {@code v := β·v + (1 − β)·∇θ},
 * {@code θ := θ − learning_rate · v}, state {@code v}. Final, like {@link GradientDescent}, so that the
 * engine can rely on the rule exactly: the update is linear in the gradients, so under it too the
 * first layer's weights only move by combinations of the examples (and of their starting values,
 * under L2), and the engine may train that layer in an equivalent, cheaper form. A plugin that
 * wants this rule returns an instance of this class.
 */
@Api(status = Api.Status.STABLE, since = "0.3")
public final class Momentum implements Optimizer {
    private final double beta;

    /** @param beta the decay of the gradient average, in [0, 1) */
    public Momentum(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum's beta must be in [0, 1), not " + beta);
        }
        this.beta = beta;
    }

    public double beta() {
        return beta;
    }

    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public double update(double value, double gradient, double learningRate, double[][] state, int i) {
        double v = state[0][i] * beta + gradient * (1 - beta);
        state[0][i] = v;
        return value - v * learningRate;
    }

    @Override
    public String toString() {
        return "momentum (beta " + beta + ")";
    }
}
