package dev.strata.spec;

/**
 * One dense layer.
 *
 * @param units the layer's width
 * @param activation its activation
 * @param initializer its weight initializer, or {@code null} to use the model's
 */
public record LayerSpec(int units, Selector activation, Selector initializer) {
}
