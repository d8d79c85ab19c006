package dev.strata.spi;

import com.google.inject.Module;

/**
 * A plugin: a Guice module found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.strata.spi.StrataPlugin}) on the classpath or in a jar under
 * {@code --plugin-path}. Built-in plugins are found the same way. Extend {@link PluginModule}
 * rather than implementing this directly.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface StrataPlugin extends Module {
}
