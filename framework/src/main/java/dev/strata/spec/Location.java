package dev.strata.spec;

/** Where a value sits in a YAML file, 1-based, printed as {@code file:line:col}. */
public record Location(String file, int line, int column) {
    public static final Location UNKNOWN = new Location("", 0, 0);

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return (file.isEmpty() ? "" : file + ":") + line + ":" + column;
    }
}
