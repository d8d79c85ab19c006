package dev.strata.registry.external;

import dev.strata.spi.PluginModule;

/** Claims the classpath test plugin's initializer name, to provoke a duplicate-name error. */
public final class ClashingPlugin extends PluginModule {
    @Override
    protected void configure() {
        // the literal, not ClasspathTestPlugin.INITIALIZER: a class in a plugin jar may refer only to the SPI
        register(new OnesInitializerFactory("test_constant"));
    }
}
