package dev.strata.spark;

import dev.strata.spi.PluginModule;

/** Registers the {@code spark} sweep executor; found through ServiceLoader when this jar is on the classpath. */
public final class SparkPlugin extends PluginModule {
    @Override
    protected void configure() {
        register(new SparkExecutorFactory());
    }
}
