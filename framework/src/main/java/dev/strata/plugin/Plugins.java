package dev.strata.plugin;

import dev.strata.spi.Api;
import dev.strata.spi.BadInputException;
import dev.strata.spi.StrataPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins with {@link ServiceLoader}: first on the classpath (the built-ins), then in every
 * jar of each {@code --plugin-path} folder. Each jar gets its own class loader whose parent is the
 * framework's, so every plugin's origin is known and one jar cannot see another's classes.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class Plugins {
    static final String SERVICE_FILE = "META-INF/services/" + StrataPlugin.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private Plugins() {
    }

    /**
     * The plugins on the classpath, then those in the jars of {@code pluginDirs} (in folder order,
     * jars sorted by file name).
     *
     * @throws BadInputException when a folder is missing or holds no jar, or a jar cannot be loaded
     */
    public static List<DiscoveredPlugin> discover(List<Path> pluginDirs) {
        return discover(pluginDirs, StrataPlugin.class.getClassLoader());
    }

    /** As {@link #discover(List)}, with the jars' class loaders parented by {@code jarParent} (tests hide classes with it). */
    static List<DiscoveredPlugin> discover(List<Path> pluginDirs, ClassLoader jarParent) {
        List<DiscoveredPlugin> found = new ArrayList<>(fromClasspath());
        for (Path dir : pluginDirs) {
            for (Path jar : jarsIn(dir)) {
                found.addAll(fromJar(jar, jarParent));
            }
        }
        return List.copyOf(found);
    }

    private static List<DiscoveredPlugin> fromClasspath() {
        ClassLoader loader = StrataPlugin.class.getClassLoader();
        List<DiscoveredPlugin> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrataPlugin> provider : providers(loader)) {
                found.add(new DiscoveredPlugin(provider.get(), DiscoveredPlugin.BUILT_IN));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new BadInputException("a plugin on the classpath failed to load: " + causeText(e),
                    "check the classpath's " + SERVICE_FILE + " entries and that each listed class is a public"
                            + " StrataPlugin with a public no-argument constructor that does not throw", e);
        }
        return found;
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("plugin folder " + dir + " does not exist or is not a folder",
                    "pass an existing folder holding plugin jars to --plugin-path");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + dir, e);
        }
        if (jars.isEmpty()) {
            throw new BadInputException("plugin folder " + dir + " holds no .jar file",
                    "put plugin jars in it, or drop this --plugin-path");
        }
        return jars;
    }

    private static List<DiscoveredPlugin> fromJar(Path jar, ClassLoader parent) {
        String origin = jar.toAbsolutePath().normalize().toString();
        boolean declaresPlugins = declaresPlugins(jar, origin);
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, parent);
        List<DiscoveredPlugin> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrataPlugin> provider : providers(loader)) {
                // The parent's providers are visible through this loader too; keep only this jar's.
                if (provider.type().getClassLoader() == loader) {
                    found.add(new DiscoveredPlugin(provider.get(), origin));
                }
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            closeQuietly(loader);
            throw new BadInputException("plugin jar " + origin + " failed to load: " + causeText(e),
                    "rebuild the jar against this Strata version; each class listed in its " + SERVICE_FILE
                            + " must be a public StrataPlugin with a public no-argument constructor that does"
                            + " not throw, and every class it uses must be inside the jar", e);
        }
        if (found.isEmpty()) {
            closeQuietly(loader);
            throw new BadInputException("plugin jar " + origin + (declaresPlugins
                    ? " lists only plugins that are already on the classpath"
                    : " declares no plugin (it has no " + SERVICE_FILE + ")"),
                    declaresPlugins ? "remove the jar from the plugin folder or from the classpath"
                            : "list your PluginModule class in " + SERVICE_FILE + " inside the jar, or remove"
                                    + " the jar from the plugin folder");
        }
        LOG.debug("loaded {} plugin(s) from {}", found.size(), origin);
        return found;
    }

    /** Opens the jar once up front so that a corrupt file is reported as such, not as a missing class. */
    private static boolean declaresPlugins(Path jar, String origin) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(SERVICE_FILE) != null;
        } catch (IOException e) {
            throw new BadInputException("plugin jar " + origin + " cannot be read as a jar (" + causeText(e) + ")",
                    "replace it with a complete copy, or remove it from the plugin folder", e);
        }
    }

    private static List<ServiceLoader.Provider<StrataPlugin>> providers(ClassLoader loader) {
        return ServiceLoader.load(StrataPlugin.class, loader).stream().toList();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", loader.getName(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    /** The chain of causes as one line, e.g. "Provider x could not be instantiated: boom". */
    static String causeText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName()
                    : t instanceof ServiceConfigurationError || t instanceof BadInputException ? t.getMessage()
                    : t.getClass().getSimpleName() + ": " + t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ", caused by ").append(message);
            }
        }
        return text.toString();
    }
}
