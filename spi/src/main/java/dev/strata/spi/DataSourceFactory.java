package dev.strata.spi;

import java.util.List;

/**
 * A data format ({@code data.format} in a spec). {@link #parameters()} are the keys of a split
 * block ({@code data.train}, {@code data.test}); {@link #classNameParameters()} those of
 * {@code data.class_names}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataSourceFactory extends PluginFactory {
    DataSource create();

    /** The keys of {@code data.class_names}; empty when the format has no class names. */
    default List<ParamSpec> classNameParameters() {
        return List.of();
    }
}
