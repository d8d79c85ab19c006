package dev.strata.registry.external;

import dev.strata.spi.PluginModule;

/** Packaged into a jar at test time and loaded through a plugin folder (hidden from the classpath). */
public final class ExternalPlugin extends PluginModule {
    public static final String INITIALIZER = "external_ones";

    @Override
    protected void configure() {
        register(new OnesInitializerFactory(INITIALIZER));
    }
}
