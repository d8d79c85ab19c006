package dev.strata.run;

import dev.strata.registry.PluginKind;
import dev.strata.spi.BadInputException;
import dev.strata.spi.PluginFactory;

/** A plugin threw where it should have returned: reported with the plugin's kind, name and origin. */
public final class PluginFailure extends BadInputException {
    private static final long serialVersionUID = 1L;

    public PluginFailure(PluginFactory factory, String origin, String during, Throwable cause) {
        super(PluginKind.of(factory).label() + " '" + factory.name() + "' (" + origin + ") failed in " + during + ": "
                + cause, "fix the plugin, or choose another " + PluginKind.of(factory).label() + " in the spec", cause);
    }
}
