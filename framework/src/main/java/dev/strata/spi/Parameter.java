package dev.strata.spi;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable array and its gradient, named as in the seeds ({@code W1}, {@code b1}, ...).
 * Both arrays live for the whole run; optimizers update {@link #value()} in place.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;

    public Parameter(String name, INDArray value, INDArray gradient) {
        this.name = Objects.requireNonNull(name);
        this.value = Objects.requireNonNull(value);
        this.gradient = Objects.requireNonNull(gradient);
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return name + java.util.Arrays.toString(value.shape());
    }
}
