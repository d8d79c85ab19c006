package dev.strata.spi;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Creates an {@link Optimizer} from validated parameters. The engine owns the learning rate: every
 * optimizer takes {@code optimizer.learning_rate} in a spec without declaring it among
 * {@link #parameters()} (it is refused unless a positive finite number), and the rule receives it
 * with each update. {@link #defaultLearningRate()} says whether a spec may leave it out.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public interface OptimizerFactory extends PluginFactory {
    /** A new rule for one run; {@code params} holds this factory's own parameters. */
    Optimizer create(Params params);

    /**
     * The learning rate when a spec gives none, e.g. 0.001 for Adam; empty (the default) makes
     * {@code optimizer.learning_rate} required, as for gradient descent, whose right rate depends on
     * the model.
     */
    default OptionalDouble defaultLearningRate() {
        return OptionalDouble.empty();
    }

    /**
     * A factory from its parts:
     * {@code OptimizerFactory.of("adagrad", "...", OptionalDouble.of(0.01), List.of(), p -> new AdaGrad())}.
     */
    static OptimizerFactory of(String name, String description, OptionalDouble defaultLearningRate,
            List<ParamSpec> parameters, Function<Params, ? extends Optimizer> create) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultLearningRate, "defaultLearningRate");
        Objects.requireNonNull(create, "create");
        List<ParamSpec> params = List.copyOf(parameters);
        return new OptimizerFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description == null ? "" : description;
            }

            @Override
            public List<ParamSpec> parameters() {
                return params;
            }

            @Override
            public OptionalDouble defaultLearningRate() {
                return defaultLearningRate;
            }

            @Override
            public Optimizer create(Params p) {
                return create.apply(p);
            }

            @Override
            public String toString() {
                return "optimizer " + name;
            }
        };
    }
}
