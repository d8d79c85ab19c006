package dev.strata.spec.yaml;

import dev.strata.spec.Location;
import dev.strata.spec.SpecError.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set key.path=value} overrides to a parsed tree before validation. The value is
 * parsed as YAML (flow style allowed: {@code --set model.layers=[{units: 7, activation: relu}]});
 * the path is dotted with {@code [i]} indexes. A bare plugin name on the way is turned into
 * {@code {type: NAME}} so that {@code --set optimizer.learning_rate=0.01} works on
 * {@code optimizer: adam}. Every node an override sets is located at {@code --set <text>}.
 */
public final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[[0-9]+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

    private Overrides() {
    }

    /** Applies each override in order to {@code root}; malformed ones are reported and skipped. */
    public static void apply(YamlNode.Mapping root, List<String> overrides, ErrorCollector errors) {
        for (String text : overrides) {
            applyOne(root, text, errors);
        }
    }

    private static void applyOne(YamlNode.Mapping root, String text, ErrorCollector errors) {
        Location where = new Location("--set " + text, 0, 0);
        int eq = text.indexOf('=');
        if (eq < 0) {
            errors.add(Kind.BAD_OVERRIDE, where, "", "an override needs '=' between the key path and the value",
                    "write --set key.path=value, e.g. --set training.iterations=100");
            return;
        }
        String keyPath = text.substring(0, eq).strip();
        Optional<List<Object>> segments = segments(keyPath);
        if (segments.isEmpty()) {
            errors.add(Kind.BAD_OVERRIDE, where, keyPath, "malformed key path '" + keyPath + "'",
                    "write names separated by dots, with [i] for list items, e.g. model.layers[1].units");
            return;
        }
        Optional<YamlNode> value = SafeYaml.parseValue(text.substring(eq + 1), where, errors);
        if (value.isEmpty()) {
            return;
        }
        List<Object> path = segments.get();
        YamlNode parent = root;
        String parentPath = "";
        for (int i = 0; i < path.size() - 1; i++) {
            YamlNode child = child(parent, path.get(i));
            String childPath = append(parentPath, path.get(i));
            if (YamlValues.isAbsent(child)) {
                errors.add(Kind.OVERRIDE_PATH, where, keyPath, "'" + childPath + "' does not exist in the spec",
                        "set the whole block instead, e.g. --set " + childPath + "={...}");
                return;
            }
            if (path.get(i + 1) instanceof String && child instanceof YamlNode.Scalar s
                    && s.type() == YamlNode.ScalarType.STRING) {
                // A bare plugin name: make it {type: NAME} so that a parameter can be added.
                YamlNode.Mapping selector = new YamlNode.Mapping(s.location());
                selector.put("type", s.location(), s);
                replace(parent, path.get(i), selector, where);
                child = selector;
            }
            parent = child;
            parentPath = childPath;
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String key && parent instanceof YamlNode.Mapping mapping) {
            mapping.put(key, where, value.get());
        } else if (last instanceof Integer index && parent instanceof YamlNode.Sequence sequence) {
            if (index >= sequence.items().size()) {
                errors.add(Kind.OVERRIDE_PATH, where, keyPath, "'" + parentPath + "' has "
                        + sequence.items().size() + " items, so [" + index + "] does not exist",
                        "use an index below " + sequence.items().size() + ", or set the whole list");
                return;
            }
            sequence.set(index, value.get());
        } else {
            errors.add(Kind.OVERRIDE_PATH, where, keyPath, "'" + (parentPath.isEmpty() ? "the spec" : parentPath)
                    + "' is " + parent.describe() + ", so '" + keyPath + "' cannot be set",
                    last instanceof Integer ? "index only into lists" : "set '" + parentPath + "' itself");
        }
    }

    private static YamlNode child(YamlNode parent, Object segment) {
        if (segment instanceof String key && parent instanceof YamlNode.Mapping mapping) {
            return mapping.get(key);
        }
        if (segment instanceof Integer index && parent instanceof YamlNode.Sequence sequence
                && index < sequence.items().size()) {
            return sequence.items().get(index);
        }
        return null;
    }

    private static void replace(YamlNode parent, Object segment, YamlNode value, Location where) {
        if (parent instanceof YamlNode.Mapping mapping) {
            mapping.put((String) segment, where, value);
        } else {
            ((YamlNode.Sequence) parent).set((Integer) segment, value);
        }
    }

    private static String append(String path, Object segment) {
        return segment instanceof Integer i ? YamlPath.index(path, i) : YamlPath.child(path, (String) segment);
    }

    /** {@code model.layers[1].units} as ["model", "layers", 1, "units"]; empty when malformed. */
    static Optional<List<Object>> segments(String keyPath) {
        List<Object> segments = new ArrayList<>();
        if (keyPath.isEmpty()) {
            return Optional.empty();
        }
        for (String part : keyPath.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            segments.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                try {
                    segments.add(Integer.parseInt(index.group(1)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(segments);
    }
}
