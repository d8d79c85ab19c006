package dev.strata.spi;

/**
 * Creates an {@link Optimizer} from validated parameters. Every optimizer is given a
 * {@code learning_rate}: declare it among {@link #parameters()} with its default.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface OptimizerFactory extends PluginFactory {
    Optimizer create(Params params);
}
