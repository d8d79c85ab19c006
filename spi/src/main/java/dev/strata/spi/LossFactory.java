package dev.strata.spi;

import java.util.Optional;

/** Creates a {@link Loss} from validated parameters; registered under {@link #name()}. */
@Api(status = Api.Status.STABLE, since = "0.2")
public interface LossFactory extends PluginFactory {
    /** A new loss for one run. */
    Loss create(Params params);

    /**
     * Checks that this loss fits the output layer before any data is read. Returns a message saying
     * what does not fit and how to fix it, or empty when it fits.
     */
    default Optional<String> checkOutputLayer(OutputLayer output) {
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

    /**
     * The output function with which this loss's gradient with respect to the output layer's linear
     * output is exactly {@code A − Y} (sigmoid with binary cross-entropy, softmax with categorical
     * cross-entropy). With that activation the engine computes {@code A − Y} itself and calls neither
     * {@link Loss#gradient} nor the activation's derivative for the output layer. Empty (the
     * default) when there is none.
     */
    default Optional<Link> canonicalLink() {
        return Optional.empty();
    }

    enum LabelKind {
        CLASS_INDEX,
        VALUE
    }
}
