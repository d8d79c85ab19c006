package dev.strata.registry;

import dev.strata.spi.Api;
import dev.strata.spi.StrataPlugin;
import java.util.Objects;

/**
 * A plugin module found by {@link PluginLoader} and where it came from.
 *
 * @param module the plugin's Guice module
 * @param origin the jar (or plugin folder) it was loaded from, or {@link #BUILT_IN} for the
 *     built-in plugins and anything on the application's classpath
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public record DiscoveredPlugin(StrataPlugin module, String origin) {
    public static final String BUILT_IN = "built-in";

    public DiscoveredPlugin {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean builtIn() {
        return BUILT_IN.equals(origin);
    }

    /** How messages name this plugin: its class and origin, e.g. {@code com.acme.SwishPlugin (/opt/acme.jar)}. */
    public String describe() {
        return module.getClass().getName() + " (" + origin + ")";
    }
}
