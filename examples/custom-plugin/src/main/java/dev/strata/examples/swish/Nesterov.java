package dev.strata.examples.swish;

import dev.strata.spi.Optimizer;
import java.util.List;

/**
 * Nesterov momentum, in the form Keras and PyTorch use: v := μv − rate·g; W := W + μv − rate·g.
 * An update rule is its per-element arithmetic and the names of its state; the engine owns the
 * learning rate, the loops and the state arrays (zeroed, checkpointed, restored).
 */
record Nesterov(double momentum) implements Optimizer {
    @Override
    public List<String> stateNames() {
        return List.of("v");
    }

    @Override
    public double update(double w, double g, double rate, double[][] state, int i) {
        double v = momentum * state[0][i] - rate * g;
        state[0][i] = v;
        return w + momentum * v - rate * g;
    }
}
