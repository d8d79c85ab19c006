package dev.strata.registry;

import dev.strata.spi.Api;
import dev.strata.spi.BadInputException;
import dev.strata.spi.PluginFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every factory the installed plugins registered, by kind and YAML name, and where each came from.
 * Built once per process from the plugins' registrations; a name claimed twice for one kind is
 * refused with a message naming both plugins.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class PluginRegistry {
    private final Map<PluginKind, SortedMap<String, PluginFactory>> factories = new EnumMap<>(PluginKind.class);
    private final Map<PluginFactory, String> origins = new IdentityHashMap<>();

    /** One registration: a factory and the plugin that registered it. */
    public record Registration(PluginFactory factory, String plugin, String origin) {
    }

    /**
     * @throws BadInputException when a factory implements no kind or several, or one kind's name is
     *     registered twice
     */
    public PluginRegistry(List<Registration> registrations) {
        for (PluginKind kind : PluginKind.values()) {
            factories.put(kind, new TreeMap<>());
        }
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (Registration r : registrations) {
            PluginKind kind;
            try {
                kind = PluginKind.of(r.factory());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("plugin " + r.plugin() + " registers " + e.getMessage(),
                        "register one factory of one extension point per class");
            }
            String name;
            try {
                name = r.factory().name();
            } catch (RuntimeException | LinkageError e) {
                throw new BadInputException("plugin " + r.plugin() + " registers a " + kind.label() + " factory ("
                        + r.factory().getClass().getName() + ") whose name() fails: " + e, "fix or remove the plugin", e);
            }
            if (name == null || name.isBlank()) {
                throw new BadInputException("plugin " + r.plugin() + " registers a " + kind.label() + " factory ("
                        + r.factory().getClass().getName() + ") without a name", "return its YAML name from name()");
            }
            claims.computeIfAbsent(kind.label() + " '" + name + "'", k -> new ArrayList<>()).add(r.plugin());
            factories.get(kind).putIfAbsent(name, r.factory());
            origins.put(r.factory(), r.origin());
        }
        List<String> duplicates = new ArrayList<>();
        claims.forEach((what, plugins) -> {
            if (plugins.size() > 1) {
                duplicates.add(what + " is registered by " + String.join(" and by ", plugins));
            }
        });
        if (!duplicates.isEmpty()) {
            throw new BadInputException(String.join("; ", duplicates), "names must be unique per kind: remove one of"
                    + " these plugin jars from the plugin folder, or rename one factory");
        }
    }

    /** The factories of one kind, by name (sorted). */
    public Map<String, PluginFactory> factories(PluginKind kind) {
        return Collections.unmodifiableMap(factories.get(kind));
    }

    /** The factories of the kind whose interface is {@code type}, by name (sorted). */
    public <F extends PluginFactory> Map<String, F> factories(Class<F> type) {
        PluginKind kind = PluginKind.ofFactoryType(type);
        if (kind == null) {
            throw new IllegalArgumentException(type.getName() + " is not an extension point");
        }
        Map<String, F> out = new TreeMap<>();
        factories.get(kind).forEach((name, f) -> out.put(name, type.cast(f)));
        return Collections.unmodifiableMap(out);
    }

    /** The factory of {@code type} registered as {@code name}, or {@code null}. */
    public <F extends PluginFactory> F get(Class<F> type, String name) {
        PluginFactory f = factories.get(PluginKind.ofFactoryType(type)).get(name);
        return f == null ? null : type.cast(f);
    }

    /** Where {@code factory} came from: a jar, a plugin folder, {@code built-in} or {@code application}. */
    public String origin(PluginFactory factory) {
        return origins.getOrDefault(factory, StrataInjector.APPLICATION);
    }
}
