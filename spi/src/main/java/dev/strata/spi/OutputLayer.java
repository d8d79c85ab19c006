package dev.strata.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The output layer as a loss sees it when the spec is checked, before training.
 *
 * @param units the layer's width
 * @param activation the activation's name in the spec, for messages only
 * @param link the canonical link the activation computes ({@link Activation#link()}), if any
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public record OutputLayer(int units, String activation, Optional<Link> link) {
    public OutputLayer {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(link, "link");
    }

    /** Whether the activation computes exactly {@code link}. */
    public boolean is(Link expected) {
        return link.filter(expected::equals).isPresent();
    }
}
