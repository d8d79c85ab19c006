package dev.strata.spi;

import com.google.inject.Module;

/**
 * A plugin: a Guice module found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.strata.spi.StrataPlugin}) on the classpath or in a jar under
 * {@code --plugin-path}. Built-in plugins are found the same way. A plugin jar sees only this package
 * and the libraries it names (Guice, jakarta.inject, SLF4J's API): a class of the engine referenced
 * from a plugin is refused when the plugin is loaded. Extend {@link PluginModule} rather than
 * implementing this directly.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface StrataPlugin extends Module {
}
