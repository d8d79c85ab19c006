package dev.strata.registry;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.Message;
import dev.strata.spi.Api;
import dev.strata.spi.BadInputException;
import dev.strata.spi.PluginFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the one injector of a process: the discovered plugins' registrations, a
 * {@link PluginRegistry} and a {@link PluginCatalog}, plus whatever modules the application adds.
 * {@link Stage#PRODUCTION}, explicit bindings only, no circular proxies (after airlift's Bootstrap).
 *
 * <p>Each module is configured exactly once: its elements are recorded, its factories read from
 * them into the registry (which refuses a name two plugins both claim, naming both), then the
 * elements are installed.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class StrataInjector {
    /** The origin of factories registered by the application's own modules. */
    public static final String APPLICATION = "application";

    private StrataInjector() {
    }

    /** Discovers the plugins on the classpath, in the built-in folder and in {@code pluginDirs}, then builds the injector. */
    public static Injector create(List<Path> pluginDirs, Module... extra) {
        return fromPlugins(PluginLoader.discover(pluginDirs), extra);
    }

    /** Builds the injector from plugins already discovered (or assembled by a test). */
    public static Injector fromPlugins(List<DiscoveredPlugin> plugins, Module... extra) {
        List<Element> elements = new ArrayList<>();
        List<PluginRegistry.Registration> registrations = new ArrayList<>();
        for (DiscoveredPlugin plugin : plugins) {
            record(plugin.module(), plugin.describe(), plugin.origin(), elements, registrations);
        }
        for (Module module : extra) {
            record(module, APPLICATION + " module " + module.getClass().getName(), APPLICATION, elements,
                    registrations);
        }
        PluginRegistry registry = new PluginRegistry(registrations);
        try {
            return Guice.createInjector(Stage.PRODUCTION, new CoreModule(registry), Elements.getModule(elements));
        } catch (CreationException e) {
            throw new BadInputException("the plugins could not be wired together: " + e.getErrorMessages().stream()
                    .map(Message::getMessage).collect(Collectors.joining("; ")),
                    "remove the plugin jar that the message names, or rebuild it against this Strata version", e);
        }
    }

    /** Records a module's elements and its factories; a module whose configure() failed is reported by plugin. */
    private static void record(Module module, String description, String origin, List<Element> into,
            List<PluginRegistry.Registration> registrations) {
        List<Element> elements;
        try {
            elements = Elements.getElements(Stage.PRODUCTION, module);
        } catch (RuntimeException | LinkageError e) {
            throw failed(description, e);
        }
        for (Element element : elements) {
            if (element instanceof Message message) {
                throw failed(description, message.getCause() != null ? message.getCause()
                        : new IllegalStateException(message.getMessage()));
            }
            if (element instanceof Binding<?> binding && binding instanceof InstanceBinding<?> instance
                    && instance.getInstance() instanceof PluginFactory factory) {
                registrations.add(new PluginRegistry.Registration(factory, description, origin));
            }
        }
        into.addAll(elements);
    }

    private static BadInputException failed(String plugin, Throwable cause) {
        return new BadInputException("plugin " + plugin + " failed while registering its factories: "
                + PluginLoader.causeText(cause), "fix or remove the plugin; its configure() must only register"
                        + " factories, and their constructors must not throw", cause);
    }

    /** Requires explicit bindings and provides the registry, the catalog and the factory set. */
    private static final class CoreModule extends AbstractModule {
        private final PluginRegistry registry;

        CoreModule(PluginRegistry registry) {
            this.registry = registry;
        }

        @Override
        protected void configure() {
            binder().requireExplicitBindings();
            binder().disableCircularProxies();
            // Declared here so that a process without plugins still has the (empty) set.
            Multibinder.newSetBinder(binder(), PluginFactory.class);
            bind(PluginRegistry.class).toInstance(registry);
            bind(PluginCatalog.class).toInstance(PluginCatalog.of(registry));
            // The engine's own services, built from the registry.
            bind(dev.strata.spec.SpecLoader.class);
            bind(dev.strata.run.Runs.class);
        }
    }
}
