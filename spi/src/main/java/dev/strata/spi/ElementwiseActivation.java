package dev.strata.spi;

/**
 * An activation applied to each element on its own, given as its scalar function and derivative.
 * The engine runs them in its own fused passes (bias + activation in one pass forward, derivative +
 * bias gradient in one pass backward), so a plugin written this way is as fast as a built-in of the
 * same arithmetic.
 *
 * <pre>{@code
 * record Swish(double beta) implements ElementwiseActivation {
 *     public double value(double z) { return z / (1 + Math.exp(-beta * z)); }
 *     public double derivative(double z, double a) {
 *         double s = 1 / (1 + Math.exp(-beta * z));
 *         return beta * a + s * (1 - beta * a);
 *     }
 * }
 * }</pre>
 *
 * <p>Both methods must be pure functions of their arguments: the engine may call them in any order
 * and from any thread.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public non-sealed interface ElementwiseActivation extends Activation {
    /** g(z). */
    double value(double z);

    /** g'(z), given z and a = g(z) (whichever is cheaper to use). */
    double derivative(double z, double a);
}
