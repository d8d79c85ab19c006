package dev.strata.spi;

/** The value types a plugin parameter can have in a spec. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum ParamType {
    DOUBLE("a number"),
    INT("an integer"),
    BOOLEAN("true or false"),
    STRING("a string"),
    /** A file path, resolved against the spec's folder first, then the working directory. */
    PATH("a file path"),
    /** A list of strings. */
    STRING_LIST("a list of strings");

    private final String description;

    ParamType(String description) {
        this.description = description;
    }

    /** How error messages describe an expected value of this type. */
    public String description() {
        return description;
    }
}
