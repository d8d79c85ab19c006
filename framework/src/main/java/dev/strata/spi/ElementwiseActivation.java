package dev.strata.spi;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation applied to each element on its own (relu, sigmoid, tanh, ...). Implementing this
 * instead of {@link Activation} lets the engine fuse the bias addition with the activation and the
 * derivative with the bias gradient in one pass over each layer's values, instead of several
 * native operations (each native call costs more than the arithmetic on layer-sized arrays).
 * {@link #forward} and {@link #backward} have defaults built on the scalar functions.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface ElementwiseActivation extends Activation {
    /** g(z). */
    double value(double z);

    /** g'(z), given z and a = g(z) (whichever is cheaper to use). */
    double derivative(double z, double a);

    /**
     * dZ for one element: {@code dA · g'(z)}. Override to choose the order of operations (the
     * seeds' sigmoid computes {@code (dA · s) · (1 − s)}).
     */
    default double chain(double dA, double z, double a) {
        return dA * derivative(z, a);
    }

    /**
     * {@code a[i] := g(z[i])} for {@code i < n}: the engine's per-layer call. The default loop is
     * inlined into the engine once per activation class, so {@link #value} is not dispatched per
     * element; overriding it is rarely needed.
     */
    default void values(double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = value(z[i]);
        }
    }

    /** {@code d[i] := chain(d[i], z[i], a[i])} for {@code i < n}, as {@link #values} for the backward pass. */
    default void chains(double[] d, double[] z, double[] a, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = chain(d[i], z[i], a[i]);
        }
    }

    @Override
    default void forward(INDArray z, INDArray a) {
        HostArrays.map(z, a, this);
    }

    @Override
    default void backward(INDArray z, INDArray a, INDArray dA, INDArray dZ) {
        HostArrays.chain(z, a, dA, dZ, this);
    }
}
