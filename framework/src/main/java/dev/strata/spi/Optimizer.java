package dev.strata.spi;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates parameters from their gradients. One instance per run, never shared.
 *
 * <p>Call order: {@link #initialize} once with every parameter (allocate state here) →
 * {@link #step} once per update, after the gradients are filled → {@link #state()} whenever a
 * checkpoint is written; {@link #restore} after {@code initialize} when a run is resumed.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface Optimizer {
    void initialize(List<Parameter> parameters);

    /**
     * Applies one update in place to every parameter given to {@link #initialize}.
     *
     * @param t the 1-based number of this update (Adam's bias correction uses it)
     */
    void step(long t);

    /**
     * The learning rate {@code r} if every step is exactly {@code θ := θ − r·∇θ} with a constant
     * {@code r} and no state (plain gradient descent); empty for any other rule, the default. The
     * engine may then apply the first layer's update itself in an equivalent cheaper form; such a
     * parameter is not passed to {@link #initialize}.
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    default OptionalDouble plainStepRate() {
        return OptionalDouble.empty();
    }

    /** Arrays that a resumed run needs to continue exactly (e.g. {@code v_W1}); empty if stateless. */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned; arrays are copied into this optimizer's state. */
    default void restore(Map<String, INDArray> state) {
        if (!state.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " keeps no state but was given " + state.keySet());
        }
    }
}
