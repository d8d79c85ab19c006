package dev.strata.registry;

import dev.strata.spi.Api;
import dev.strata.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every installed plugin with its parameters and origin, for {@code strata plugins}, run
 * provenance and "did you mean" suggestions. Entries are sorted by kind, then name.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class PluginCatalog {
    private final List<Entry> entries;

    public PluginCatalog(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::name));
        this.entries = List.copyOf(sorted);
    }

    /**
     * The catalog of a registry; an optimizer's parameters start with the {@code learning_rate} the
     * engine owns for it.
     */
    static PluginCatalog of(PluginRegistry registry) {
        List<Entry> entries = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            registry.factories(kind).forEach((name, factory) -> entries.add(new Entry(kind, name,
                    Parameters.declared(kind, factory), factory.description(), registry.origin(factory))));
        }
        return new PluginCatalog(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> entries(PluginKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    public Optional<Entry> find(PluginKind kind, String name) {
        return entries.stream().filter(e -> e.kind() == kind && e.name().equals(name)).findFirst();
    }

    /** The names registered for {@code kind}, sorted; for "known: …" in error messages. */
    public List<String> names(PluginKind kind) {
        return entries(kind).stream().map(Entry::name).toList();
    }

    /** Which plugin came from where, as report.json records it (after Hydra's and Tribuo's provenance). */
    public List<Provenance> provenance() {
        return entries.stream().map(e -> new Provenance(e.kind().label(), e.name(), e.origin())).toList();
    }

    /** One line of a run's plugin provenance. */
    public record Provenance(String kind, String name, String origin) {
    }

    /** The distinct origins, built-in first. */
    public List<String> origins() {
        return entries.stream().map(Entry::origin).distinct()
                .sorted(Comparator.comparing((String o) -> !o.equals(DiscoveredPlugin.BUILT_IN))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * One installed plugin.
     *
     * @param kind its extension point
     * @param name the name specs use
     * @param parameters what it accepts, with defaults and ranges
     * @param description its one-line description
     * @param origin the jar it came from, or {@link DiscoveredPlugin#BUILT_IN}
     */
    public record Entry(PluginKind kind, String name, List<ParamSpec> parameters, String description, String origin) {
        public Entry {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(name);
            parameters = List.copyOf(parameters);
            description = description == null ? "" : description;
            Objects.requireNonNull(origin);
        }

        /** The parameters as one line, e.g. {@code alpha: 0.01 (>= 0)}; required ones show {@code required}. */
        public String parameterSummary() {
            return parameters.stream().map(PluginCatalog::describe).collect(Collectors.joining(", "));
        }
    }

    /** One parameter as {@code name: default (range)}. */
    public static String describe(ParamSpec spec) {
        String value = spec.required() ? "required, " + spec.type().description() : spec.defaultValue() instanceof Double d
                ? decimal(d) : String.valueOf(spec.defaultValue());
        String range = spec.rangeText();
        return spec.name() + ": " + value + (range.isEmpty() ? "" : " (" + range + ")");
    }

    /** A real-valued default keeps its decimal point ({@code 0.0}, {@code 1.0}), so it reads as a number with a fraction. */
    private static String decimal(double d) {
        String text = dev.strata.io.Decimal.text(d);
        return text.contains(".") || text.contains("e") ? text : text + ".0";
    }
}
