package dev.strata.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds plugin jars from already-compiled test classes, and hides those classes from the classpath. */
final class TestJars {
    static final String EXTERNAL_PACKAGE = "dev.strata.plugin.external.";

    private TestJars() {
    }

    /** A jar holding {@code classes} and a services file listing {@code providers} (any text, one per line). */
    static Path build(Path jar, List<Class<?>> classes, List<String> providers) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(Plugins.SERVICE_FILE));
            out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** The framework's class loader minus the external fixtures, so a jar's loader loads them itself. */
    static ClassLoader hidingExternalFixtures() {
        return new ClassLoader("without external fixtures", TestJars.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(EXTERNAL_PACKAGE)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return hidden(name) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
            }

            private boolean hidden(String resource) {
                return resource.startsWith(EXTERNAL_PACKAGE.replace('.', '/'));
            }
        };
    }
}
