package dev.strata.spec.yaml;

import dev.strata.spec.Location;
import dev.strata.spec.SpecError;
import dev.strata.spec.SpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found while reading a YAML file, so that all are reported at once.
 * Errors are listed overrides first, then in file order.
 */
public final class ErrorCollector {
    private final List<SpecError> errors = new ArrayList<>();

    public void add(SpecError.Kind kind, Location location, String path, String message, String fix) {
        errors.add(new SpecError(location, path, message, fix, kind));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public List<SpecError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link SpecException} holding every error so far, if there is one. */
    public void throwIfAny(String file) {
        if (!errors.isEmpty()) {
            List<SpecError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt((SpecError e) -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new SpecException(file, sorted);
        }
    }
}
