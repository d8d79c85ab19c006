package dev.strata.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Creates an {@link Activation} from validated parameters; registered under {@link #name()}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface ActivationFactory extends PluginFactory {
    /** A new activation for one layer of one run. */
    Activation create(Params params);

    /**
     * A factory from its parts, for activations that need no class of their own:
     * {@code ActivationFactory.of("swish", "z * sigmoid(beta z)", List.of(beta), p -> new Swish(p.getDouble("beta")))}.
     */
    static ActivationFactory of(String name, String description, List<ParamSpec> parameters,
            Function<Params, ? extends Activation> create) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(create, "create");
        List<ParamSpec> params = List.copyOf(parameters);
        return new ActivationFactory() {
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
            public Activation create(Params p) {
                return create.apply(p);
            }

            @Override
            public String toString() {
                return "activation " + name;
            }
        };
    }
}
