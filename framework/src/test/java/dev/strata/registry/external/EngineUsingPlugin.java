package dev.strata.registry.external;

import dev.strata.engine.Trainer;
import dev.strata.spi.PluginModule;

/** Reaches for an engine class, which a plugin must not: its jar is refused at load. */
public final class EngineUsingPlugin extends PluginModule {
    @Override
    protected void configure() {
        if (Trainer.class.getName().isEmpty()) {
            throw new IllegalStateException("unreachable");
        }
    }
}
