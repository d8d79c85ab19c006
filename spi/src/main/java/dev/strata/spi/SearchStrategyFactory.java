package dev.strata.spi;

import java.util.List;

/**
 * An adaptive sweep strategy ({@code strategy: NAME} in a sweep file, beside the built-in
 * {@code grid} and {@code random}), registered like any other plugin through {@link PluginModule}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public interface SearchStrategyFactory extends PluginFactory {
    /**
     * A strategy for one sweep over {@code space}.
     *
     * @param maximize whether a higher objective is better
     */
    SearchStrategy create(Params params, List<SearchDimension> space, boolean maximize);
}
