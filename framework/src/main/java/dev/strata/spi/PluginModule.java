package dev.strata.spi;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Base class for plugins: registers factories in the MapBinders keyed by their YAML names.
 * Keep {@code configure()} free of side effects and conditionals (the Guice guidance for modules).
 *
 * <pre>{@code
 * public final class SwishPlugin extends PluginModule {
 *     protected void configure() {
 *         activation(new SwishFactory());
 *     }
 * }
 * }</pre>
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public abstract class PluginModule extends AbstractModule implements StrataPlugin {

    protected final void activation(ActivationFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, ActivationFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }

    protected final void initializer(InitializerFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, InitializerFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }

    protected final void optimizer(OptimizerFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, OptimizerFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }

    protected final void loss(LossFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, LossFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }

    protected final void dataSource(DataSourceFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, DataSourceFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }

    protected final void sweepExecutor(SweepExecutorFactory factory) {
        MapBinder.newMapBinder(binder(), String.class, SweepExecutorFactory.class)
                .addBinding(factory.name()).toInstance(factory);
    }
}
