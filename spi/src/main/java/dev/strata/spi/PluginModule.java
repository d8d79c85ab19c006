package dev.strata.spi;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Base class for plugins: registers factories of any kind (activation, initializer, optimizer, schedule, loss,
 * data format, sweep executor, search strategy) in one set; the engine sorts them by the factory interface each
 * implements and by {@link PluginFactory#name()}. Keep {@code configure()} free of side effects and
 * conditionals (the Guice guidance for modules): it is called once, while plugins are loaded.
 *
 * <pre>{@code
 * public final class SwishPlugin extends PluginModule {
 *     protected void configure() {
 *         register(ActivationFactory.of("swish", "z * sigmoid(beta z)", List.of(BETA),
 *                 p -> new Swish(p.getDouble("beta"))));
 *     }
 * }
 * }</pre>
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public abstract class PluginModule extends AbstractModule implements StrataPlugin {
    /** Registers factories; each implements exactly one factory interface of this package. */
    protected final void register(PluginFactory... factories) {
        Multibinder<PluginFactory> set = Multibinder.newSetBinder(binder(), PluginFactory.class);
        for (PluginFactory factory : factories) {
            set.addBinding().toInstance(factory);
        }
    }
}
