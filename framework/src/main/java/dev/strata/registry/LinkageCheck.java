package dev.strata.registry;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds, before a plugin is loaded, every engine class its class files refer to: a
 * {@code dev/strata/...} class outside the SPI that the plugin's own jars do not define. Such a
 * plugin would fail at some later call with a bare {@code NoClassDefFoundError}; refusing it at
 * load names the class and the jar. Reads each class file's constant pool (class entries and type
 * descriptors), nothing else.
 */
final class LinkageCheck {
    private static final String ENGINE = "dev/strata/";
    private static final String SPI = "dev/strata/spi/";
    private static final byte[] MARK = ENGINE.getBytes(StandardCharsets.US_ASCII);

    private LinkageCheck() {
    }

    /** One engine class a plugin refers to, and the plugin class that refers to it. */
    record Violation(String engineClass, String from, Path jar) {
    }

    /** The engine classes {@code jars} refer to, sorted; empty when the plugin keeps to the SPI. */
    static List<Violation> check(List<Path> jars) throws IOException {
        Set<String> defined = new HashSet<>();
        List<String[]> references = new ArrayList<>();
        List<Path> owners = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    String name = entry.getName();
                    if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
                        continue;
                    }
                    String className = name.substring(0, name.length() - ".class".length());
                    defined.add(className);
                    byte[] bytes;
                    try (InputStream in = file.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    if (contains(bytes, MARK)) {
                        for (String referenced : engineReferences(bytes)) {
                            references.add(new String[] {referenced, className});
                            owners.add(jar);
                        }
                    }
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String referenced = references.get(i)[0];
            if (!referenced.startsWith(SPI) && !defined.contains(referenced) && seen.add(referenced)) {
                out.add(new Violation(referenced.replace('/', '.'), references.get(i)[1].replace('/', '.'), owners.get(i)));
            }
        }
        out.sort(java.util.Comparator.comparing(Violation::engineClass));
        return out;
    }

    /** The {@code dev/strata/} classes named in a class file's constant pool. */
    static Set<String> engineReferences(byte[] classFile) throws IOException {
        Set<String> out = new TreeSet<>();
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> collect(in.readUTF(), out);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }

    /** Class names in a constant: a class entry's name, or {@code L...;} types inside a descriptor. */
    private static void collect(String text, Set<String> out) {
        if (text.startsWith(ENGINE) && text.indexOf(';') < 0 && text.indexOf('(') < 0) {
            out.add(text);
            return;
        }
        int at = text.indexOf("L" + ENGINE);
        while (at >= 0) {
            int end = text.indexOf(';', at);
            if (end < 0) {
                return;
            }
            String name = text.substring(at + 1, end);
            int generic = name.indexOf('<');
            out.add(generic >= 0 ? name.substring(0, generic) : name);
            at = text.indexOf("L" + ENGINE, end);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
