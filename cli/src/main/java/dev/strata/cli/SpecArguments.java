package dev.strata.cli;

import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spec argument and its {@code --set} overrides, shared by the commands that read a spec. */
final class SpecArguments {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "The YAML model spec.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a spec field, e.g. --set optimizer.learning_rate=0.01 (repeatable).")
    List<String> overrides = new ArrayList<>();

    ModelSpec load(StrataCommand root) {
        return root.injector().getInstance(SpecLoader.class).load(config, overrides);
    }
}
