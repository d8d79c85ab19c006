package dev.strata.spi;

/** Creates an {@link Initializer} from validated parameters; registered under {@link #name()}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface InitializerFactory extends PluginFactory {
    Initializer create(Params params);
}
