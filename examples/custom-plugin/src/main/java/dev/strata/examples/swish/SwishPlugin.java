package dev.strata.examples.swish;

import dev.strata.spi.PluginModule;

/**
 * The plugin Strata finds through {@code META-INF/services/dev.strata.spi.StrataPlugin}: it only
 * registers its factories, under the names specs use.
 */
public final class SwishPlugin extends PluginModule {
    @Override
    protected void configure() {
        activation(new SwishFactory());
        initializer(new OrthogonalFactory());
    }
}
