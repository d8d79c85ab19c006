package dev.strata.plugin;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.SweepExecutorFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every factory the installed plugins registered, keyed by YAML name (the Guice MapBinders'
 * contents). Built once per process by the injector.
 */
@Singleton
public final class PluginRegistry {
    private final Map<String, ActivationFactory> activations;
    private final Map<String, InitializerFactory> initializers;
    private final Map<String, OptimizerFactory> optimizers;
    private final Map<String, LossFactory> losses;
    private final Map<String, DataSourceFactory> dataSources;
    private final Map<String, SweepExecutorFactory> executors;

    @Inject
    public PluginRegistry(
            Map<String, ActivationFactory> activations,
            Map<String, InitializerFactory> initializers,
            Map<String, OptimizerFactory> optimizers,
            Map<String, LossFactory> losses,
            Map<String, DataSourceFactory> dataSources,
            Map<String, SweepExecutorFactory> executors) {
        this.activations = new TreeMap<>(activations);
        this.initializers = new TreeMap<>(initializers);
        this.optimizers = new TreeMap<>(optimizers);
        this.losses = new TreeMap<>(losses);
        this.dataSources = new TreeMap<>(dataSources);
        this.executors = new TreeMap<>(executors);
    }

    public Map<String, ActivationFactory> activations() {
        return activations;
    }

    public Map<String, InitializerFactory> initializers() {
        return initializers;
    }

    public Map<String, OptimizerFactory> optimizers() {
        return optimizers;
    }

    public Map<String, LossFactory> losses() {
        return losses;
    }

    public Map<String, DataSourceFactory> dataSources() {
        return dataSources;
    }

    public Map<String, SweepExecutorFactory> executors() {
        return executors;
    }

    /** The factories of one extension point. */
    public Map<String, ? extends dev.strata.spi.PluginFactory> factories(PluginKind kind) {
        return switch (kind) {
            case ACTIVATION -> activations;
            case INITIALIZER -> initializers;
            case OPTIMIZER -> optimizers;
            case LOSS -> losses;
            case DATA -> dataSources;
            case EXECUTOR -> executors;
        };
    }
}
