package dev.strata.spec;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a spec came from: its file (or {@code null} for a spec built in code), and the location of
 * every YAML path in it ({@code model.layers[2].activation}), so that errors found after loading
 * (e.g. data shapes) can still name a line.
 */
public record SpecSource(Path file, Map<String, Location> locations) {
    public SpecSource {
        locations = Map.copyOf(locations);
    }

    public static SpecSource none() {
        return new SpecSource(null, Map.of());
    }

    /** The location of {@code yamlPath}, or of its nearest parent that has one. */
    public Location locate(String yamlPath) {
        String path = yamlPath;
        while (true) {
            Location location = locations.get(path);
            if (location != null) {
                return location;
            }
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) {
                return file == null ? Location.UNKNOWN : new Location(file.toString(), 0, 0);
            }
            path = path.substring(0, cut);
        }
    }
}
