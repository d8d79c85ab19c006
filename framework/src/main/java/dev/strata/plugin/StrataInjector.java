package dev.strata.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Stage;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Api;
import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.PluginFactory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the one injector of a process: the discovered plugins' registrations, a
 * {@link PluginRegistry} and a {@link PluginCatalog}, plus whatever modules the application adds.
 * {@link Stage#PRODUCTION}, explicit bindings only, no circular proxies (after airlift's Bootstrap).
 *
 * <p>Each module is configured exactly once: its elements are recorded, checked for names two
 * plugins both claim (so the error names the jars, not Guice internals), then installed.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class StrataInjector {
    /** The origin {@link PluginCatalog} gives factories registered by the application's own modules. */
    public static final String APPLICATION = "application";

    private StrataInjector() {
    }

    /** Discovers the plugins on the classpath and in {@code pluginDirs}, then builds the injector. */
    public static Injector create(List<Path> pluginDirs, Module... extra) {
        return fromPlugins(Plugins.discover(pluginDirs), extra);
    }

    /** Builds the injector from plugins already discovered (or assembled by a test). */
    public static Injector fromPlugins(List<DiscoveredPlugin> plugins, Module... extra) {
        List<RecordedModule> recorded = new ArrayList<>();
        for (DiscoveredPlugin plugin : plugins) {
            recorded.add(RecordedModule.record(plugin.module(), plugin.describe(), plugin.origin()));
        }
        for (Module module : extra) {
            recorded.add(RecordedModule.record(module, APPLICATION + " module " + module.getClass().getName(),
                    APPLICATION));
        }
        Map<PluginFactory, String> origins = Registrations.check(recorded);

        List<Module> modules = new ArrayList<>();
        modules.add(new CoreModule(origins));
        recorded.forEach(r -> modules.add(Elements.getModule(r.elements())));
        try {
            return Guice.createInjector(Stage.PRODUCTION, modules);
        } catch (CreationException e) {
            throw new BadInputException("the plugins could not be wired together: " + e.getErrorMessages().stream()
                    .map(Message::getMessage).collect(Collectors.joining("; ")),
                    "remove the plugin jar that the message names, or rebuild it against this Strata version", e);
        }
    }

    /** A module's recorded elements and how messages name it. */
    record RecordedModule(String description, String origin, List<Element> elements) {
        static RecordedModule record(Module module, String description, String origin) {
            try {
                return new RecordedModule(description, origin, Elements.getElements(Stage.PRODUCTION, module));
            } catch (RuntimeException | LinkageError e) {
                throw new BadInputException("plugin " + description + " failed while registering its factories: "
                        + Plugins.causeText(e), "fix or remove the plugin; its configure() must only register"
                                + " factories", e);
            }
        }
    }

    /** Requires explicit bindings and provides the registry, the catalog and the five (maybe empty) maps. */
    private static final class CoreModule extends AbstractModule {
        private final Map<PluginFactory, String> origins;

        CoreModule(Map<PluginFactory, String> origins) {
            this.origins = new IdentityHashMap<>(origins);
        }

        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().disableCircularProxies();
            // Declared here so that a kind no plugin provides is an empty map, not a missing binding.
            MapBinder.newMapBinder(binder(), String.class, ActivationFactory.class);
            MapBinder.newMapBinder(binder(), String.class, InitializerFactory.class);
            MapBinder.newMapBinder(binder(), String.class, OptimizerFactory.class);
            MapBinder.newMapBinder(binder(), String.class, LossFactory.class);
            MapBinder.newMapBinder(binder(), String.class, DataSourceFactory.class);
            MapBinder.newMapBinder(binder(), String.class, dev.strata.spi.SweepExecutorFactory.class);
            bind(PluginRegistry.class);
            // The engine's own services, built from the registry.
            bind(dev.strata.spec.SpecLoader.class);
            bind(dev.strata.run.Experiment.class);
        }

        @Provides
        @Singleton
        PluginCatalog catalog(PluginRegistry registry) {
            return PluginCatalog.of(registry, origins, APPLICATION);
        }
    }
}
