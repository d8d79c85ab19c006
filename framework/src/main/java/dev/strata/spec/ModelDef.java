package dev.strata.spec;

import java.util.List;

/** {@code model:} the layers in order (the input width comes from the data) and the default initializer. */
public record ModelDef(List<LayerSpec> layers, Selector initializer) {
    public ModelDef {
        layers = List.copyOf(layers);
    }

    /** The initializer of layer {@code index} (0-based): its own, or the model's. */
    public Selector initializerOf(int index) {
        Selector own = layers.get(index).initializer();
        return own != null ? own : initializer;
    }
}
