package dev.strata.plugin;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Api;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.SweepExecutorFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.PluginFactory;

/** The extension points, each with the name users see and the factory type plugins register. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum PluginKind {
    ACTIVATION("activation", ActivationFactory.class),
    INITIALIZER("initializer", InitializerFactory.class),
    OPTIMIZER("optimizer", OptimizerFactory.class),
    LOSS("loss", LossFactory.class),
    DATA("data", DataSourceFactory.class),
    EXECUTOR("executor", SweepExecutorFactory.class);

    private final String label;
    private final Class<? extends PluginFactory> factoryType;

    PluginKind(String label, Class<? extends PluginFactory> factoryType) {
        this.label = label;
        this.factoryType = factoryType;
    }

    /** The lower-case name shown to users, e.g. {@code "activation"} or {@code "data"}. */
    public String label() {
        return label;
    }

    public Class<? extends PluginFactory> factoryType() {
        return factoryType;
    }

    /** The kind whose factory type is exactly {@code type}, or {@code null}. */
    static PluginKind ofFactoryType(Class<?> type) {
        for (PluginKind kind : values()) {
            if (kind.factoryType == type) {
                return kind;
            }
        }
        return null;
    }

    /** The kind {@code factory} implements; a factory implementing several is refused. */
    public static PluginKind of(PluginFactory factory) {
        PluginKind found = null;
        for (PluginKind kind : values()) {
            if (kind.factoryType.isInstance(factory)) {
                if (found != null) {
                    throw new IllegalArgumentException(factory.getClass().getName() + " is both a " + found.label
                            + " and a " + kind.label + " factory; give each its own class");
                }
                found = kind;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(factory.getClass().getName() + " implements no factory interface");
        }
        return found;
    }

    @Override
    public String toString() {
        return label;
    }
}
