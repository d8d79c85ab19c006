package dev.strata.sweep;

import dev.strata.spec.Location;
import java.util.List;

/**
 * One entry of {@code parameters:}: a dotted path into the spec and its values.
 *
 * @param keyLocation where the path is written in the sweep file
 * @param valueLocations where each value of a list is written (empty for ranges and distributions)
 */
public record SweptParameter(String path, Location keyLocation, Domain domain, List<Location> valueLocations) {
    public SweptParameter {
        valueLocations = List.copyOf(valueLocations);
    }

    /** Where the value at {@code index} of a list is written, or the key's location. */
    public Location locationOf(int index) {
        return index >= 0 && index < valueLocations.size() ? valueLocations.get(index) : keyLocation;
    }
}
