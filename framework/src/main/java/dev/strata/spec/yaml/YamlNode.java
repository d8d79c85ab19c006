package dev.strata.spec.yaml;

import dev.strata.spec.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A YAML document as plain data: mappings with string keys, sequences and typed scalars, each with
 * its location. Built by {@link SafeYaml} from SnakeYAML's node graph (aliases expanded into copies),
 * so that {@code --set} overrides can edit it before validation. Never holds Java objects.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Location location();

    /** How messages name this node's kind, e.g. "an integer (42)" or "a mapping". */
    String describe();

    /** The YAML type of a scalar, taken from the node (never guessed from Java values). */
    enum ScalarType {
        STRING("a string"),
        INT("an integer"),
        FLOAT("a number"),
        BOOL("a boolean"),
        NULL("nothing (null)");

        private final String article;

        ScalarType(String article) {
            this.article = article;
        }

        public String article() {
            return article;
        }
    }

    /** A scalar: its type as resolved by YAML, and its text as written. */
    record Scalar(ScalarType type, String text, Location location) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case NULL -> type.article();
                case STRING -> "the string '" + text + "'";
                default -> type.article() + " (" + text + ")";
            };
        }
    }

    /** One key: value pair; the value may be replaced by an override. */
    final class Entry {
        private final String key;
        private final Location keyLocation;
        private YamlNode value;

        public Entry(String key, Location keyLocation, YamlNode value) {
            this.key = key;
            this.keyLocation = keyLocation;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public Location keyLocation() {
            return keyLocation;
        }

        public YamlNode value() {
            return value;
        }

        void setValue(YamlNode value) {
            this.value = value;
        }
    }

    /** A mapping with string keys, in file order. */
    final class Mapping implements YamlNode {
        private final Location location;
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        public Mapping(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        public Map<String, Entry> entries() {
            return java.util.Collections.unmodifiableMap(entries);
        }

        public Entry entry(String key) {
            return entries.get(key);
        }

        /** The value of {@code key}, or {@code null} when absent. */
        public YamlNode get(String key) {
            Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        /** Adds {@code key}, or replaces its value keeping its place. */
        public void put(String key, Location keyLocation, YamlNode value) {
            Entry entry = entries.get(key);
            if (entry == null) {
                entries.put(key, new Entry(key, keyLocation, value));
            } else {
                entry.setValue(value);
            }
        }
    }

    /** A sequence. */
    final class Sequence implements YamlNode {
        private final Location location;
        private final List<YamlNode> items = new ArrayList<>();

        public Sequence(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        @Override
        public String describe() {
            return "a list";
        }

        public List<YamlNode> items() {
            return java.util.Collections.unmodifiableList(items);
        }

        public void add(YamlNode item) {
            items.add(item);
        }

        public void set(int index, YamlNode item) {
            items.set(index, item);
        }
    }

    /** Visits every node below {@code root} (not root itself) with its YAML path. */
    static void walk(YamlNode root, String path, BiConsumer<String, YamlNode> visitor) {
        if (root instanceof Mapping mapping) {
            for (Entry entry : mapping.entries().values()) {
                String child = YamlPath.child(path, entry.key());
                visitor.accept(child, entry.value());
                walk(entry.value(), child, visitor);
            }
        } else if (root instanceof Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                String child = YamlPath.index(path, i);
                visitor.accept(child, sequence.items().get(i));
                walk(sequence.items().get(i), child, visitor);
            }
        }
    }

    /** The location of every YAML path below {@code root}, e.g. {@code model.layers[0].units}. */
    static Map<String, Location> locations(YamlNode root) {
        Map<String, Location> locations = new LinkedHashMap<>();
        walk(root, "", (path, node) -> locations.put(path, node.location()));
        return locations;
    }
}
