package dev.strata.spi;

/** Creates an {@link Activation} from validated parameters; registered under {@link #name()}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface ActivationFactory extends PluginFactory {
    Activation create(Params params);
}
