package dev.strata.spi;

/**
 * Output functions that pair with a loss so that the loss's gradient with respect to the output
 * layer's linear output is exactly {@code A - Y} (the canonical links of generalised linear models).
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public enum Link {
    /** {@code a = 1 / (1 + e^-z)}: pairs with binary cross-entropy. */
    LOGISTIC,
    /** {@code a = e^z / Σ e^z} per example: pairs with categorical cross-entropy. */
    SOFTMAX,
    /** {@code a = z}. */
    IDENTITY
}
