package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.registry.PluginRegistry;
import dev.strata.engine.GradientProbe;
import dev.strata.run.GradientChecks;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Check the spec's backpropagation against centred differences of its cost.",
            "Uses float64, a sample of every parameter and a few training examples; exit code 1 if an error"
                    + " exceeds --tolerance. The error of an entry is |analytic - numeric| / max(|analytic|,"
                    + " |numeric|, 1e-4): relative for large gradients, absolute near zero, where a centred"
                    + " difference is only rounding noise."})
final class GradcheckCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    SpecArguments arguments;

    @Option(names = "--examples", defaultValue = "8", description = "Training examples to use (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--entries", defaultValue = "12", description = "Entries checked per parameter array (default: ${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--epsilon", defaultValue = "1e-6", description = "Finite-difference step (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--tolerance", defaultValue = "1e-5", description = "Largest relative error accepted (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() {
        ModelSpec spec = arguments.load(root);
        PreparedData data = root.injector().getInstance(Runs.class).loadData(GradientChecks.float64(spec));
        List<GradientProbe.Result> results = GradientChecks.run(spec, data,
                root.injector().getInstance(PluginRegistry.class), examples, entries, epsilon);
        PrintWriter out = command.commandLine().getOut();
        boolean ok = true;
        for (GradientProbe.Result r : results) {
            boolean pass = r.maxError() <= tolerance;
            ok &= pass;
            out.println(String.format(Locale.ROOT, "%-4s %3d entries  max error %.3e  %s", r.name(), r.checked(),
                    r.maxError(), pass ? "ok" : String.format(Locale.ROOT, "FAIL (analytic %.6g, numeric %.6g)",
                            r.analytic(), r.numeric())));
        }
        out.println(ok ? "Gradients match within " + Numbers.cost(tolerance) + "."
                : "Gradients differ by more than " + Numbers.cost(tolerance) + ": check the activation's and loss's derivatives.");
        return ok ? 0 : 1;
    }
}
