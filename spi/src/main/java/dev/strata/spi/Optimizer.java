package dev.strata.spi;

import java.util.List;

/**
 * An update rule, one parameter element at a time: the new value from the current value, its
 * gradient, the learning rate and the element's own state. The engine owns the loops, the learning
 * rate (a number, or later a schedule), the update count and the state arrays (allocated, zeroed,
 * checkpointed and restored by the engine), so a rule is only its arithmetic:
 *
 * <pre>{@code
 * final class AdaGrad implements Optimizer {
 *     public List<String> stateNames() { return List.of("sum"); }
 *     public double update(double w, double g, double rate, double[][] state, int i) {
 *         double sum = state[0][i] += g * g;
 *         return w - rate * g / (Math.sqrt(sum) + 1e-8);
 *     }
 * }
 * }</pre>
 *
 * <p>Call order, per update {@code t = 1, 2, ...}: {@link #beginUpdate(long)} once, then
 * {@link #update} once for every element of every trainable parameter. Lifetime: one instance per
 * run ({@link OptimizerFactory#create} is called per run); the engine calls it from one thread at a
 * time, so it need not be thread-safe. A rule must not keep state outside {@code state}: what is not
 * there is not checkpointed, and a resumed run would not continue exactly.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public interface Optimizer {
    /**
     * The names of the values kept per parameter element between updates ({@code "v"}, {@code "s"}
     * for Adam), in the order of {@code state} in {@link #update}. Checkpoints store them as
     * {@code <name>_<parameter>}, e.g. {@code v_W1}. Empty (the default) for a stateless rule.
     */
    default List<String> stateNames() {
        return List.of();
    }

    /** Called before each update with its 1-based number {@code t}; e.g. for Adam's bias corrections. */
    default void beginUpdate(long t) {
    }

    /**
     * The new value of one parameter element.
     *
     * @param value the element's current value
     * @param gradient the cost's gradient with respect to it (regularisation included)
     * @param learningRate this update's learning rate
     * @param state this parameter's state, one array per {@link #stateNames()} entry, each as long as
     *     the parameter, zero before the first update
     * @param i the element's index in each state array
     */
    double update(double value, double gradient, double learningRate, double[][] state, int i);
}
