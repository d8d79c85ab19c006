package dev.strata.registry;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Api;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.PluginFactory;
import dev.strata.spi.ScheduleFactory;
import dev.strata.spi.SearchStrategyFactory;
import dev.strata.spi.SweepExecutorFactory;

/**
 * The extension points: the one place a kind of plugin is declared. Each has the name users see,
 * its plural for listings, and the factory interface plugins implement.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public enum PluginKind {
    ACTIVATION("activation", "activations", ActivationFactory.class),
    INITIALIZER("initializer", "initializers", InitializerFactory.class),
    OPTIMIZER("optimizer", "optimizers", OptimizerFactory.class),
    SCHEDULE("schedule", "learning-rate schedules", ScheduleFactory.class),
    LOSS("loss", "losses", LossFactory.class),
    DATA("data", "data formats", DataSourceFactory.class),
    EXECUTOR("executor", "sweep executors", SweepExecutorFactory.class),
    STRATEGY("strategy", "search strategies", SearchStrategyFactory.class);

    private final String label;
    private final String plural;
    private final Class<? extends PluginFactory> factoryType;

    PluginKind(String label, String plural, Class<? extends PluginFactory> factoryType) {
        this.label = label;
        this.plural = plural;
        this.factoryType = factoryType;
    }

    /** The lower-case name shown to users, e.g. {@code "activation"} or {@code "data"}. */
    public String label() {
        return label;
    }

    /** The heading of this kind in listings, e.g. {@code "losses"}. */
    public String plural() {
        return plural;
    }

    public Class<? extends PluginFactory> factoryType() {
        return factoryType;
    }

    /** The kind whose factory interface is exactly {@code type}, or {@code null}. */
    public static PluginKind ofFactoryType(Class<?> type) {
        for (PluginKind kind : values()) {
            if (kind.factoryType == type) {
                return kind;
            }
        }
        return null;
    }

    /** The kind {@code factory} implements; a factory implementing none or several is refused. */
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
            throw new IllegalArgumentException(factory.getClass().getName() + " implements no factory interface of"
                    + " dev.strata.spi");
        }
        return found;
    }

    @Override
    public String toString() {
        return label;
    }
}
