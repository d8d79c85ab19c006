package dev.strata.spi;

import java.util.Optional;

/** Creates a {@link Loss} from validated parameters; registered under {@link #name()}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface LossFactory extends PluginFactory {
    Loss create(Params params);

    /**
     * Checks that this loss fits the output layer before any training starts. Returns a message
     * saying what does not fit and how to fix it, or empty when it fits.
     *
     * @param activation the output layer's activation name
     * @param units the output layer's width
     */
    default Optional<String> checkOutputLayer(String activation, int units) {
        return Optional.empty();
    }

    /**
     * How labels map to the output layer: {@code CLASS_INDEX} losses take integer class labels
     * (one-hot encoded when the output has more than one unit); {@code VALUE} losses take the
     * label values as they are.
     */
    default LabelKind labelKind() {
        return LabelKind.CLASS_INDEX;
    }

    enum LabelKind {
        CLASS_INDEX,
        VALUE
    }
}
