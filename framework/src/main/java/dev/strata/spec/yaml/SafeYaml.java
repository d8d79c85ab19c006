package dev.strata.spec.yaml;

import dev.strata.spec.Location;
import dev.strata.spec.SpecError.Kind;
import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses untrusted YAML into a {@link YamlNode} tree without constructing any Java object: SnakeYAML
 * only composes nodes, and every explicit tag other than the standard ones is refused by name.
 * Sizes are bounded (characters, nesting depth, aliases, nodes after expanding aliases) so that a
 * hostile file fails fast instead of exhausting memory.
 */
public final class SafeYaml {
    /** At most this many characters (code points) in a file: 1 MiB. */
    public static final int CODE_POINT_LIMIT = 1 << 20;
    public static final int NESTING_DEPTH_LIMIT = 50;
    public static final int ALIAS_LIMIT = 50;
    /** At most this many nodes once aliases are expanded (stops alias "billion laughs" chains). */
    public static final int NODE_LIMIT = 100_000;

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP);

    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed:";

    private final ErrorCollector errors;
    private final Function<Mark, Location> locate;
    /** The collections being converted, to catch an alias inside the value it names. */
    private final Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int nodes;

    private SafeYaml(ErrorCollector errors, Function<Mark, Location> locate) {
        this.errors = errors;
        this.locate = locate;
    }

    /**
     * Parses a whole file. Returns empty, with errors added, when the text is not safe, well-formed
     * YAML. An empty document (nothing but comments) is reported as {@link Kind#EMPTY_FILE}.
     *
     * @param file how messages name the file
     */
    public static Optional<YamlNode> parseFile(String text, String file, ErrorCollector errors) {
        Function<Mark, Location> locate = mark -> mark == null
                ? new Location(file, 0, 0)
                : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
        Optional<YamlNode> root = new SafeYaml(errors, locate).parse(text, new Location(file, 0, 0));
        if (root.isPresent() && root.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL
                && s.location().line() == 0) {
            errors.add(Kind.EMPTY_FILE, new Location(file, 0, 0), "", "the spec file is empty",
                    "write a spec mapping, e.g. starting with 'name: my-model' (see configs/ for examples)");
            return Optional.empty();
        }
        return root;
    }

    /**
     * Parses a single value (e.g. the right side of {@code --set key=value}); every node gets
     * {@code location}. An empty text is a null scalar.
     */
    public static Optional<YamlNode> parseValue(String text, Location location, ErrorCollector errors) {
        return new SafeYaml(errors, mark -> location).parse(text, location);
    }

    private Optional<YamlNode> parse(String text, Location whole) {
        if (text.codePointCount(0, text.length()) > CODE_POINT_LIMIT) {
            errors.add(Kind.TOO_LARGE, whole, "", "the file is larger than the 1 MiB limit for YAML specs",
                    "split it, or remove what the spec does not need");
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = options();
            DumperOptions unused = new DumperOptions();
            root = new Yaml(new SafeConstructor(options), new Representer(unused), unused, options)
                    .compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.startsWith(GLOBAL_TAG_REFUSED)) {
                // The tag inspector refuses global tags while composing: report the tag by name.
                String tag = problem.substring(GLOBAL_TAG_REFUSED.length()).strip();
                refuseTag(new Tag(tag), mark == null ? whole : locate.apply(mark));
                return Optional.empty();
            }
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            errors.add(Kind.SYNTAX, mark == null ? whole : locate.apply(mark), "",
                    "YAML syntax error: " + problem + context, syntaxFix(problem));
            return Optional.empty();
        } catch (RuntimeException e) {
            // SnakeYAML signals limits and some malformed input with plain exceptions (found by fuzzing).
            String message = String.valueOf(e.getMessage());
            if (message.contains("aliases") || message.contains("Nesting Depth") || message.contains("limit")) {
                errors.add(Kind.TOO_LARGE, whole, "", "the YAML is over a safety limit: " + message,
                        "use at most " + ALIAS_LIMIT + " aliases to collections and at most "
                                + NESTING_DEPTH_LIMIT + " levels of nesting");
            } else {
                errors.add(Kind.SYNTAX, whole, "", "the YAML could not be read: " + message,
                        "check the file is plain UTF-8 YAML");
            }
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(new YamlNode.Scalar(YamlNode.ScalarType.NULL, "", whole));
        }
        int before = errors.size();
        try {
            YamlNode tree = convert(root);
            return errors.size() == before ? Optional.of(tree) : Optional.empty();
        } catch (TooManyNodes e) {
            errors.add(Kind.TOO_LARGE, whole, "", "the YAML expands to more than " + NODE_LIMIT
                    + " values through aliases", "write the values out instead of nesting aliases");
            return Optional.empty();
        }
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(ALIAS_LIMIT);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(CODE_POINT_LIMIT);
        options.setNestingDepthLimit(NESTING_DEPTH_LIMIT);
        options.setMergeOnCompose(false);
        // Composing never builds objects, but refuse global tags here too in case these options are reused.
        options.setTagInspector(tag -> false);
        return options;
    }

    private static String syntaxFix(String problem) {
        if (problem != null && problem.toLowerCase(java.util.Locale.ROOT).contains("tab")) {
            return "indent with spaces, not tabs";
        }
        return "check indentation, colons and brackets near this point";
    }

    /** Copies SnakeYAML's graph into a tree; reports refused tags and duplicate keys. */
    private YamlNode convert(Node node) {
        if (++nodes > NODE_LIMIT) {
            throw new TooManyNodes();
        }
        Location location = locate.apply(node.getStartMark());
        if (node instanceof ScalarNode scalar) {
            Tag tag = scalar.getTag();
            if (!SCALAR_TAGS.contains(tag)) {
                refuseTag(tag, location);
                return new YamlNode.Scalar(YamlNode.ScalarType.NULL, "", location);
            }
            return new YamlNode.Scalar(scalarType(tag), scalar.getValue(), location);
        }
        if (!open.add(node)) {
            errors.add(Kind.RECURSIVE_ALIAS, location, "", "an alias refers to the value that contains it",
                    "write the value out instead of referring to itself");
            return new YamlNode.Scalar(YamlNode.ScalarType.NULL, "", location);
        }
        try {
            return convertCollection(node, location);
        } finally {
            open.remove(node);
        }
    }

    private YamlNode convertCollection(Node node, Location location) {
        if (node instanceof SequenceNode sequence) {
            if (!Tag.SEQ.equals(sequence.getTag())) {
                refuseTag(sequence.getTag(), location);
                return new YamlNode.Sequence(location);
            }
            YamlNode.Sequence out = new YamlNode.Sequence(location);
            for (Node item : sequence.getValue()) {
                out.add(convert(item));
            }
            return out;
        }
        MappingNode mapping = (MappingNode) node;
        YamlNode.Mapping out = new YamlNode.Mapping(location);
        if (!Tag.MAP.equals(mapping.getTag())) {
            refuseTag(mapping.getTag(), location);
            return out;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Location keyLocation = locate.apply(keyNode.getStartMark());
            String key = keyName(keyNode, keyLocation);
            if (key == null) {
                continue;
            }
            YamlNode.Entry previous = out.entry(key);
            if (previous != null) {
                errors.add(Kind.DUPLICATE_KEY, keyLocation, "", "duplicate key '" + key + "' (first at line "
                        + previous.keyLocation().line() + ")", "keep only one '" + key + "'");
                continue;
            }
            out.put(key, keyLocation, convert(tuple.getValueNode()));
        }
        return out;
    }

    /** The key's text, or {@code null} (with an error) for merge keys, collections, nulls and tagged keys. */
    private String keyName(Node keyNode, Location location) {
        Tag tag = keyNode.getTag();
        if (Tag.MERGE.equals(tag)) {
            errors.add(Kind.BAD_KEY, location, "", "merge keys (<<) are not supported",
                    "write the merged keys out in full");
            return null;
        }
        if (!(keyNode instanceof ScalarNode key) || Tag.NULL.equals(tag)) {
            errors.add(Kind.BAD_KEY, location, "", "a key must be a plain name",
                    "write each key as a name, e.g. learning_rate:");
            return null;
        }
        if (!SCALAR_TAGS.contains(tag)) {
            refuseTag(tag, location);
            return null;
        }
        return key.getValue();
    }

    private static YamlNode.ScalarType scalarType(Tag tag) {
        if (Tag.INT.equals(tag)) {
            return YamlNode.ScalarType.INT;
        }
        if (Tag.FLOAT.equals(tag)) {
            return YamlNode.ScalarType.FLOAT;
        }
        if (Tag.BOOL.equals(tag)) {
            return YamlNode.ScalarType.BOOL;
        }
        if (Tag.NULL.equals(tag)) {
            return YamlNode.ScalarType.NULL;
        }
        // Timestamps are only ever implicit here (a date-like plain scalar): keep them as text.
        return YamlNode.ScalarType.STRING;
    }

    private void refuseTag(Tag tag, Location location) {
        String value = tag.getValue();
        String shown = value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
        errors.add(Kind.UNSUPPORTED_TAG, location, "", "the tag '" + shown + "' is not allowed in a spec",
                "remove it: specs hold only plain values, lists and mappings");
    }

    /** Thrown to stop converting an alias-expanded graph that is too large. */
    private static final class TooManyNodes extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyNodes() {
            super(null, null, false, false);
        }
    }
}
