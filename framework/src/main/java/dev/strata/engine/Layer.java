package dev.strata.engine;

import dev.strata.spi.Activation;
import java.util.Objects;

/**
 * A fully connected layer: weights {@code W} (units × fanIn), bias {@code b} (units), and the
 * activation. Parameters live for the whole run.
 *
 * @param index 1-based, as the notebooks name parameters ({@code W1}, {@code b1}, ...)
 * @param activationName the activation's name in the spec, for messages and reports
 * @param norm batch normalisation of the products (with {@code b} as its shift), or {@code null}
 */
record Layer(int index, String activationName, Activation activation, Parameter w, Parameter b, BatchNorm norm) {
    Layer {
        Objects.requireNonNull(activation, "activation");
        if (w.rows() != b.rows()) {
            throw new IllegalArgumentException("layer " + index + ": W has " + w.rows() + " rows, b " + b.rows());
        }
    }

    int units() {
        return w.rows();
    }

    int fanIn() {
        return w.columns();
    }
}
