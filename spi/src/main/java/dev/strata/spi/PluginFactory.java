package dev.strata.spi;

import java.util.List;

/**
 * What every extension point's factory shares: the name a spec refers to and the typed parameters
 * the spec may set. Parameters are validated by the spec layer against {@link #parameters()} before
 * {@code create} is called, so factories may trust the {@link Params} they receive.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface PluginFactory {
    /** The snake_case name a spec uses, e.g. {@code "leaky_relu"}. */
    String name();

    /** The parameters this plugin accepts, with their defaults. */
    default List<ParamSpec> parameters() {
        return List.of();
    }

    /** One line shown by {@code strata plugins}. */
    default String description() {
        return "";
    }
}
