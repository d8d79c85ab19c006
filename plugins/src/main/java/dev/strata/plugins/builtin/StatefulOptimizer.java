package dev.strata.plugins.builtin;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Optimizer;
import dev.strata.spi.Parameter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the built-in optimizers share: the parameters, their named state arrays ({@code v_W1},
 * {@code s_W1}, ...) and per-parameter work arrays, all allocated once in {@link #initialize} so
 * that {@link #step} allocates nothing.
 */
abstract class StatefulOptimizer implements Optimizer {
    private final String name;
    private final Map<String, INDArray> state = new LinkedHashMap<>();
    private List<Parameter> parameters = List.of();
    private boolean initialized;

    StatefulOptimizer(String name) {
        this.name = name;
    }

    @Override
    public final void initialize(List<Parameter> parameters) {
        if (initialized) {
            throw new IllegalStateException(name + " was already initialized; create one optimizer per run");
        }
        initialized = true;
        this.parameters = List.copyOf(parameters);
        for (int i = 0; i < this.parameters.size(); i++) {
            allocate(i, this.parameters.get(i));
        }
    }

    /** Allocates the state and work arrays of parameter {@code index}; called in parameter order. */
    protected abstract void allocate(int index, Parameter parameter);

    /** Applies one update to parameter {@code index}. */
    protected abstract void update(int index, Parameter parameter, long t);

    @Override
    public final void step(long t) {
        for (int i = 0; i < parameters.size(); i++) {
            update(i, parameters.get(i), t);
        }
    }

    /** A zero-filled state array shaped like {@code parameter}, exported as {@code prefix_name}. */
    protected final INDArray stateFor(String prefix, Parameter parameter) {
        INDArray value = parameter.value();
        INDArray array = Nd4j.createUninitialized(value.dataType(), value.shape(), value.ordering()).assign(0);
        state.put(prefix + "_" + parameter.name(), array);
        return array;
    }

    /** A work array shaped like {@code parameter}; its contents are undefined between steps. */
    protected static INDArray workFor(Parameter parameter) {
        INDArray value = parameter.value();
        return Nd4j.createUninitialized(value.dataType(), value.shape(), value.ordering());
    }

    /** The live state arrays, in parameter order; copy them to keep a snapshot. */
    @Override
    public final Map<String, INDArray> state() {
        return Collections.unmodifiableMap(state);
    }

    @Override
    public final void restore(Map<String, INDArray> saved) {
        if (!saved.keySet().equals(state.keySet())) {
            throw new BadInputException("the checkpoint's " + name + " state holds " + saved.keySet()
                    + " but this model's " + name + " optimizer keeps " + state.keySet(),
                    "resume with the spec that wrote the checkpoint");
        }
        saved.forEach((key, value) -> {
            INDArray target = state.get(key);
            if (!Arrays.equals(value.shape(), target.shape())) {
                throw new BadInputException("the checkpoint's " + name + " state " + key + " has shape "
                        + Arrays.toString(value.shape()) + " but the model needs " + Arrays.toString(target.shape()),
                        "resume with the spec that wrote the checkpoint");
            }
            target.assign(value);
        });
    }
}
