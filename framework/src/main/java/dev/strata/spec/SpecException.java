package dev.strata.spec;

import dev.strata.spi.BadInputException;
import java.util.List;

/** Every problem found in a spec, reported together: one line per {@link SpecError}. */
public final class SpecException extends BadInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<SpecError> errors;

    /**
     * @param file how the spec file is named in messages
     * @param errors at least one error
     */
    public SpecException(String file, List<SpecError> errors) {
        super(format(file, errors), null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<SpecError> errors() {
        return errors;
    }

    /** Whether any error is of {@code kind}. */
    public boolean has(SpecError.Kind kind) {
        return errors.stream().anyMatch(e -> e.kind() == kind);
    }

    static String format(String file, List<SpecError> errors) {
        StringBuilder text = new StringBuilder()
                .append(errors.size()).append(errors.size() == 1 ? " error in " : " errors in ")
                .append(file).append(':');
        for (SpecError error : errors) {
            text.append("\n  ").append(error.format());
        }
        return text.toString();
    }
}
