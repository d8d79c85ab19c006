package dev.strata.spec;

/**
 * One dense layer.
 *
 * @param units the layer's width
 * @param activation its activation
 * @param initializer its weight initializer, or {@code null} to use the model's
 * @param dropout the fraction of this layer's activations dropped in training (inverted dropout), 0 for none
 * @param l2 this layer's L2 strength λ: {@code λ/(2m) ‖W‖²} added to the cost, as the loss's {@code l2}
 * @param l1 this layer's L1 strength λ: {@code λ/m Σ|W|} added to the cost
 * @param batchNorm whether the layer's products are batch-normalised before its activation
 */
public record LayerSpec(int units, Selector activation, Selector initializer, double dropout, double l2, double l1,
        boolean batchNorm) {
    public LayerSpec(int units, Selector activation, Selector initializer) {
        this(units, activation, initializer, 0, 0, 0, false);
    }
}
