package dev.strata.engine;

import dev.strata.spi.Activation;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected layer: weights {@code W} (units × fanIn), bias {@code b} (units × 1), their
 * gradients of the same shapes and memory order, and the activation. Weights are in the order
 * {@link Layouts} chose for the precision; biases are column vectors. All live for the whole run.
 *
 * @param index 1-based, as the seeds name parameters ({@code W1}, {@code b1}, ...)
 */
public record DenseLayer(int index, String activationName, Activation activation, INDArray w, INDArray b,
        INDArray dW, INDArray db) {

    public DenseLayer {
        Objects.requireNonNull(activation, "activation");
        if (w.rows() != b.rows() || b.columns() != 1) {
            throw new IllegalArgumentException("layer " + index + ": W is " + w.rows() + "x" + w.columns()
                    + " but b is " + b.rows() + "x" + b.columns());
        }
    }

    public int units() {
        return (int) w.rows();
    }

    public int fanIn() {
        return (int) w.columns();
    }
}
