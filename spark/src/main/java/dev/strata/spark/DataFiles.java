package dev.strata.spark;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The data files a sweep reads, for {@code distribute_data: true}: every string in a trial's spec
 * that is an absolute path to a file on the driver is shipped with {@code SparkContext.addFile}
 * and, on the executor, replaced with the local copy's path ({@code SparkFiles.get}).
 */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * The files the trials' specs name, keyed by absolute path, valued by the name Spark ships
     * them under (the file name, which Spark requires to be unique).
     */
    static Map<String, String> find(List<Trial> trials) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (Trial trial : trials) {
            for (String path : absoluteFiles(trial.specYaml())) {
                String name = Path.of(path).getFileName().toString();
                String previous = byName.putIfAbsent(name, path);
                if (previous != null && !previous.equals(path)) {
                    throw new BadInputException("distribute_data ships files by name, and two data files share"
                            + " the name " + name + ": " + previous + " and " + path + " (trial " + trial.id() + ")",
                            "rename one of them, or set executor.distribute_data: false and put the data on a"
                                    + " path every node can read");
                }
                files.put(path, name);
            }
        }
        return files;
    }

    /** The spec with each shipped path replaced by {@code localPath.apply(shippedName)}. */
    static String rewrite(String specYaml, Map<String, String> shipped, UnaryOperator<String> localPath) {
        Object tree = yaml().load(specYaml);
        Object rewritten = map(tree, value -> shipped.containsKey(value) ? localPath.apply(shipped.get(value)) : value);
        return yaml().dump(rewritten);
    }

    private static List<String> absoluteFiles(String specYaml) {
        List<String> found = new ArrayList<>();
        map(yaml().load(specYaml), value -> {
            Path path = Path.of(value);
            if (path.isAbsolute() && Files.isRegularFile(path)) {
                found.add(value);
            }
            return value;
        });
        return found;
    }

    /** Copies a YAML tree, applying {@code strings} to every string scalar (keys stay as they are). */
    private static Object map(Object node, UnaryOperator<String> strings) {
        if (node instanceof String s) {
            return strings.apply(s);
        }
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, map(v, strings)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(map(v, strings)));
            return copy;
        }
        return node;
    }

    private static Yaml yaml() {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        LoaderOptions load = new LoaderOptions();
        return new Yaml(new SafeConstructor(load), new Representer(dump), dump, load);
    }
}
