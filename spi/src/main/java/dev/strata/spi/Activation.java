package dev.strata.spi;

import java.util.Optional;

/**
 * A layer's activation function g, applied to the layer's linear output Z. An activation is one of
 * two shapes: {@link ElementwiseActivation} (each element on its own: relu, sigmoid, tanh, ...),
 * which is all most plugins need, or {@link VectorActivation} (each example's column as a whole:
 * softmax). The engine owns every loop over a layer's values; an activation only describes its
 * math.
 *
 * <p>Lifetime: {@link ActivationFactory#create} is called once per layer and run; the engine
 * calls an activation from one thread at a time.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public sealed interface Activation permits ElementwiseActivation, VectorActivation {
    /**
     * The canonical link this activation computes, if it is one exactly: {@link Link#LOGISTIC} for
     * {@code 1 / (1 + e^-z)}, {@link Link#SOFTMAX}, {@link Link#IDENTITY}. A loss whose
     * {@link LossFactory#canonicalLink()} matches lets the engine compute the output layer's
     * gradient as {@code A - Y} directly. Declare a link only if the function is exactly that one.
     */
    default Optional<Link> link() {
        return Optional.empty();
    }
}
