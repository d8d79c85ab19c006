package dev.strata.spi;

/**
 * An error whose message is meant for the user as it is: what went wrong, where, and how to fix it.
 * The CLI prints the message without a stack trace (unless {@code --debug}) and exits with
 * {@link #exitCode()}.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public class StrataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public StrataException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public StrataException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** 2 for bad input or usage, 1 for a failure while running. */
    public int exitCode() {
        return exitCode;
    }
}
