package dev.strata.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.SpecException;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.StrataException;
import java.nio.file.Path;
import java.util.List;

/**
 * Any text given to the spec loader, with the real built-in plugins, either loads or fails with a
 * {@link StrataException} (a {@link SpecException} for the spec's own mistakes); any other exception
 * is a bug. Regression mode replays {@code SpecLoaderFuzzTestInputs/}.
 */
class SpecLoaderFuzzTest {
    private static final SpecLoader LOADER = new SpecLoader(
            StrataInjector.create(List.of()).getInstance(PluginRegistry.class));
    private static final Path PRETEND = Path.of("fuzz", "spec.yaml");

    @FuzzTest(maxDuration = "30s")
    void anyTextLoadsOrFailsAsStrataException(FuzzedDataProvider data) {
        List<String> overrides = data.consumeBoolean() ? List.of(data.consumeString(40)) : List.of();
        String yaml = data.consumeRemainingAsString();
        try {
            LOADER.loadString(yaml, PRETEND, overrides);
        } catch (StrataException expected) {
            // the contract: one message listing every problem
        }
    }
}
