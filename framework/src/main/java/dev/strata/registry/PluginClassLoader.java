package dev.strata.registry;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin (after Trino's {@code PluginClassLoader}): the SPI packages, and the
 * libraries the SPI names, come from the engine's loader so that plugin and engine share those
 * types; everything else resolves inside the plugin's own jars, then in the JDK. An engine class is
 * invisible to a plugin, and one plugin's classes are invisible to another.
 */
final class PluginClassLoader extends URLClassLoader {
    /** Packages a plugin shares with the engine: the SPI, Guice (plugins are modules) and logging's API. */
    static final List<String> SHARED_PACKAGES = List.of("dev.strata.spi.", "com.google.inject.", "jakarta.inject.",
            "javax.inject.", "org.aopalliance.", "org.slf4j.");

    private final ClassLoader engine;

    PluginClassLoader(String name, URL[] jars, ClassLoader engine) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.engine = engine;
    }

    static boolean shared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                if (shared(name)) {
                    type = engine.loadClass(name);
                } else {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notInThePlugin) {
                        type = getParent().loadClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
