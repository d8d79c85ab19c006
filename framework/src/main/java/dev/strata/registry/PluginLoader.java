package dev.strata.registry;

import dev.strata.spi.Api;
import dev.strata.spi.BadInputException;
import dev.strata.spi.StrataPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugins with {@link ServiceLoader}: on the application's classpath, in the built-in plugin
 * folder the launcher names ({@code -Dstrata.plugins.builtin=DIR}), then in each {@code --plugin-path}
 * folder. In a plugin folder, each jar is one plugin, and each subfolder of jars is one plugin with its
 * own libraries. Every plugin from a folder gets its own {@link PluginClassLoader}, which shows it the
 * SPI and nothing else of the engine; a plugin whose classes refer to an engine class is refused
 * before it is loaded.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class PluginLoader {
    static final String SERVICE_FILE = "META-INF/services/" + StrataPlugin.class.getName();
    /** The system property that names the built-in plugins' folder (set by the {@code strata} launcher). */
    public static final String BUILTIN_FOLDER = "strata.plugins.builtin";
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * The plugins on the classpath, in the built-in folder, then in {@code pluginDirs} (in folder
     * order, entries sorted by name).
     *
     * @throws BadInputException when a folder is missing or holds no plugin, or a plugin cannot be loaded
     */
    public static List<DiscoveredPlugin> discover(List<Path> pluginDirs) {
        List<DiscoveredPlugin> found = new ArrayList<>(fromClasspath());
        String builtin = System.getProperty(BUILTIN_FOLDER);
        if (builtin != null && !builtin.isBlank()) {
            for (List<Path> jars : pluginsIn(Path.of(builtin))) {
                found.addAll(load(jars, DiscoveredPlugin.BUILT_IN));
            }
        }
        for (Path dir : pluginDirs) {
            for (List<Path> jars : pluginsIn(dir)) {
                found.addAll(load(jars, origin(jars)));
            }
        }
        return List.copyOf(found);
    }

    private static List<DiscoveredPlugin> fromClasspath() {
        ClassLoader loader = StrataPlugin.class.getClassLoader();
        List<DiscoveredPlugin> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrataPlugin> provider : ServiceLoader.load(StrataPlugin.class, loader).stream()
                    .toList()) {
                found.add(new DiscoveredPlugin(provider.get(), DiscoveredPlugin.BUILT_IN));
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            throw new BadInputException("a plugin on the classpath failed to load: " + causeText(e),
                    "check the classpath's " + SERVICE_FILE + " entries and that each listed class is a public"
                            + " StrataPlugin with a public no-argument constructor that does not throw", e);
        }
        return found;
    }

    /** The plugins in a folder: each jar on its own, each subfolder's jars together. */
    private static List<List<Path>> pluginsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("plugin folder " + dir + " does not exist or is not a folder",
                    "pass an existing folder holding plugin jars to --plugin-path");
        }
        List<List<Path>> plugins = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (Files.isRegularFile(entry) && isJar(entry)) {
                plugins.add(List.of(entry));
            } else if (Files.isDirectory(entry)) {
                List<Path> jars = list(entry).stream().filter(p -> Files.isRegularFile(p) && isJar(p)).toList();
                if (!jars.isEmpty()) {
                    plugins.add(jars);
                }
            }
        }
        if (plugins.isEmpty()) {
            throw new BadInputException("plugin folder " + dir + " holds no .jar file",
                    "put plugin jars (or folders of a plugin's jars) in it, or drop this --plugin-path");
        }
        return plugins;
    }

    private static List<DiscoveredPlugin> load(List<Path> jars, String origin) {
        String where = jars.size() == 1 ? "plugin jar " + origin : "plugin " + origin;
        boolean declaresPlugins = false;
        for (Path jar : jars) {
            declaresPlugins |= declaresPlugins(jar);
        }
        requireOnlySpi(jars, where);
        PluginClassLoader loader = new PluginClassLoader("plugin " + jars.get(0).getFileName(), urls(jars),
                StrataPlugin.class.getClassLoader());
        List<DiscoveredPlugin> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrataPlugin> provider : ServiceLoader.load(StrataPlugin.class, loader).stream()
                    .toList()) {
                if (provider.type().getClassLoader() == loader) {
                    found.add(new DiscoveredPlugin(provider.get(), origin));
                }
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
            closeQuietly(loader);
            throw new BadInputException(where + " failed to load: " + causeText(e),
                    "rebuild it against this Strata version; each class listed in its " + SERVICE_FILE
                            + " must be a public StrataPlugin with a public no-argument constructor that does"
                            + " not throw, and every class it uses must be inside the plugin", e);
        }
        if (found.isEmpty()) {
            closeQuietly(loader);
            throw new BadInputException(where + (declaresPlugins ? " lists no plugin class of its own"
                    : " declares no plugin (it has no " + SERVICE_FILE + ")"),
                    "list your PluginModule class in " + SERVICE_FILE + " inside the jar, or remove the jar from"
                            + " the plugin folder");
        }
        LOG.debug("loaded {} plugin(s) from {}", found.size(), origin);
        return found;
    }

    /** Refuses a plugin that refers to engine classes, naming them. */
    private static void requireOnlySpi(List<Path> jars, String where) {
        List<LinkageCheck.Violation> violations;
        try {
            violations = LinkageCheck.check(jars);
        } catch (IOException e) {
            throw new BadInputException(where + " cannot be read (" + causeText(e) + ")",
                    "replace it with a complete copy, or remove it from the plugin folder", e);
        }
        if (!violations.isEmpty()) {
            String uses = violations.stream().limit(5).map(v -> v.engineClass() + " (from " + v.from() + " in "
                    + v.jar().toAbsolutePath().normalize() + ")").collect(Collectors.joining(", "));
            throw new BadInputException(where + " uses engine class" + (violations.size() == 1 ? " " : "es ") + uses
                    + (violations.size() > 5 ? " and " + (violations.size() - 5) + " more" : "")
                    + "; a plugin sees only the SPI (dev.strata.spi)", "build the plugin against strata-spi alone:"
                            + " what it needs from the engine must come through an SPI interface");
        }
    }

    /** Opens the jar once up front so that a corrupt file is reported as such, not as a missing class. */
    private static boolean declaresPlugins(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(SERVICE_FILE) != null;
        } catch (IOException e) {
            throw new BadInputException("plugin jar " + jar.toAbsolutePath().normalize() + " cannot be read as a jar ("
                    + causeText(e) + ")", "replace it with a complete copy, or remove it from the plugin folder", e);
        }
    }

    private static String origin(List<Path> jars) {
        Path first = jars.get(0).toAbsolutePath().normalize();
        return jars.size() == 1 ? first.toString() : first.getParent().toString();
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + dir, e);
        }
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", loader.getName(), e);
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] out = new URL[jars.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(jars.get(i).toString(), e);
            }
        }
        return out;
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
