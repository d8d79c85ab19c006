package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a spec and the data shapes it names without training.",
            "Every problem is reported with its file:line:col and YAML path; exit code 2 if there are"
                    + " any."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    SpecArguments arguments;

    @Option(names = "--no-data", description = "Check the spec only; do not read the data files.")
    boolean noData;

    @Override
    public Integer call() {
        ModelSpec spec = arguments.load(root);
        var out = command.commandLine().getOut();
        if (noData) {
            out.println(arguments.config + ": valid spec '" + spec.name() + "' (data not read)");
            return 0;
        }
        Runs runs = root.injector().getInstance(Runs.class);
        PreparedData data = runs.loadData(spec);
        runs.checkFits(spec, data);
        out.println(arguments.config + ": valid. " + TrainCommand.summary(spec, data).replaceFirst("^Training ", ""));
        return 0;
    }
}
