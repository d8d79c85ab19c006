package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.run.Experiment;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a spec and the data shapes it names without training.",
            "Every problem is reported with its file:line:col and YAML path; exit code 2 if any."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The YAML model spec.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a spec field (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--no-data", description = "Check the spec only; do not read the data files.")
    boolean noData;

    @Override
    public Integer call() {
        ModelSpec spec = root.injector().getInstance(SpecLoader.class).load(config, overrides);
        var out = command.commandLine().getOut();
        if (noData) {
            out.println(config + ": valid spec '" + spec.name() + "' (data not read)");
            return 0;
        }
        PreparedData data = root.injector().getInstance(Experiment.class).loadData(spec);
        out.println(config + ": valid. " + TrainCommand.summary(spec, data).replaceFirst("^Training ", ""));
        return 0;
    }
}
