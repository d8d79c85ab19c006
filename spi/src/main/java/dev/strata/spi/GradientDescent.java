package dev.strata.spi;

/**
 * Plain gradient descent, {@code θ := θ − learning_rate · ∇θ} (the notebooks'
 * {@code update_parameters}), stateless. Final, so that the engine can rely on the rule exactly:
 * under it, the first layer's weights only ever change by combinations of the examples, which lets
 * the engine train that layer in an equivalent, cheaper form. A plugin that wants this rule returns
 * an instance of this class.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public final class GradientDescent implements Optimizer {
    @Override
    public double update(double value, double gradient, double learningRate, double[][] state, int i) {
        return value - learningRate * gradient;
    }

    @Override
    public String toString() {
        return "gradient descent";
    }
}
