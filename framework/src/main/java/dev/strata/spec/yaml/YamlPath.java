package dev.strata.spec.yaml;

/** Builds YAML paths as messages print them: {@code model.layers[2].activation}. */
public final class YamlPath {
    private YamlPath() {
    }

    public static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
