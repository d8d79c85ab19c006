package dev.strata.registry.external;

import dev.strata.spi.PluginModule;

/** A plugin whose constructor fails, as one missing its configuration would. */
public final class ThrowingPlugin extends PluginModule {
    public ThrowingPlugin() {
        throw new IllegalStateException("licence file not found");
    }

    @Override
    protected void configure() {
        // never reached
    }
}
