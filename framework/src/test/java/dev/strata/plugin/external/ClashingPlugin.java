package dev.strata.plugin.external;

import dev.strata.plugin.fixtures.ClasspathTestPlugin;
import dev.strata.spi.PluginModule;

/** Claims the classpath test plugin's initializer name, to provoke a duplicate-name error. */
public final class ClashingPlugin extends PluginModule {
    @Override
    protected void configure() {
        initializer(new OnesInitializerFactory(ClasspathTestPlugin.INITIALIZER));
    }
}
