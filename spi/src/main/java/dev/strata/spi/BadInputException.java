package dev.strata.spi;

/** Bad input from the user (a spec, a data file, an argument): exit code 2. */
@Api(status = Api.Status.STABLE, since = "0.1")
public class BadInputException extends StrataException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what what is wrong, including where (file, YAML path, line)
     * @param fix how to fix it; may be {@code null}
     */
    public BadInputException(String what, String fix) {
        super(fix == null || fix.isEmpty() ? what : what + "; " + fix, 2);
    }

    public BadInputException(String what, String fix, Throwable cause) {
        super(fix == null || fix.isEmpty() ? what : what + "; " + fix, 2, cause);
    }
}
