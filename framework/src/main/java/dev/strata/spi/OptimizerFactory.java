package dev.strata.spi;

/**
 * Creates an {@link Optimizer} from validated parameters. Every optimizer takes a
 * {@code learning_rate}: declare it among {@link #parameters()}, with a default or as required
 * ({@code gradient_descent} requires it: no default suits every model). The spec layer refuses a
 * learning rate that is not a positive finite number even if the factory declares no bound.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface OptimizerFactory extends PluginFactory {
    Optimizer create(Params params);
}
