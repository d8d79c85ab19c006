package dev.strata.spec;

import dev.strata.spi.Params;

/**
 * A plugin chosen by a spec: {@code relu}, or {@code {type: leaky_relu, alpha: 0.1}}. The params are
 * validated against what the plugin declares and complete (defaults filled in).
 */
public record Selector(String type, Params params) {
    public static Selector of(String type) {
        return new Selector(type, Params.empty());
    }
}
