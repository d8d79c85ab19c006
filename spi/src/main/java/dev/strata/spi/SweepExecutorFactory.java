package dev.strata.spi;

/**
 * A sweep executor ({@code executor: {type: NAME, ...}} in a sweep file), registered like any other
 * plugin through {@link PluginModule}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface SweepExecutorFactory extends PluginFactory {
    /** A new executor for one sweep. */
    SweepExecutor create(Params params, ExecutorContext context);
}
