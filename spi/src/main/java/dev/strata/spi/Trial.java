package dev.strata.spi;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trial of a sweep, as plain data that can cross a wire: its id, the swept values that define
 * it, and the complete resolved spec as YAML text (data paths absolute).
 *
 * @param id stable across runs of the same sweep file (used by {@code --resume})
 * @param parameters the swept dotted paths and the values of this trial, in sweep-file order
 *     (values are YAML-compatible: numbers, strings, booleans, lists, maps)
 * @param specYaml the trial's spec, loadable by the spec loader on any node
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Trial(String id, Map<String, Object> parameters, String specYaml) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Trial {
        Objects.requireNonNull(id, "id");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(specYaml, "specYaml");
    }
}
