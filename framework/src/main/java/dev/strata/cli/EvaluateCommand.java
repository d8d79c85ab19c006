package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.eval.Metrics;
import dev.strata.run.Experiment;
import dev.strata.run.SavedModel;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Metrics of a saved model on the data of its spec, or of another spec (--data).")
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by `strata train`.")
    Path runDir;

    @Option(names = "--data", paramLabel = "CONFIG", description = "Evaluate on the data block of this spec instead.")
    Path dataConfig;

    @Override
    public Integer call() {
        SpecLoader specs = root.injector().getInstance(SpecLoader.class);
        SavedModel model = root.savedModel(runDir);
        ModelSpec dataSpec = model.spec();
        if (dataConfig != null) {
            ModelSpec other = specs.load(dataConfig, List.of());
            dataSpec = new ModelSpec(dataSpec.version(), dataSpec.name(), dataSpec.seed(), dataSpec.dtype(), other.data(),
                    dataSpec.model(), dataSpec.loss(), dataSpec.optimizer(), dataSpec.training(), dataSpec.evaluation(),
                    other.source());
        }
        PreparedData data = root.injector().getInstance(Experiment.class).loadData(dataSpec);
        PrintWriter out = command.commandLine().getOut();
        double threshold = model.spec().evaluation().threshold();
        Experiment experiment = root.injector().getInstance(Experiment.class);
        boolean values = experiment.valueLabels(model.spec());
        print(out, "train", Experiment.metrics(model.network().predictProbabilities(data.train().x()), data.train().labels(),
                threshold, values));
        if (data.test() != null) {
            print(out, "test", Experiment.metrics(model.network().predictProbabilities(data.test().x()), data.test().labels(),
                    threshold, values));
        }
        return 0;
    }

    private static void print(PrintWriter out, String split, Metrics m) {
        if (m.isRegression()) {
            out.println(String.format(Locale.ROOT, "%-5s examples %d  mse %.6g  mae %.6g  r2 %.6f", split, m.examples(),
                    m.regression().mse(), m.regression().mae(), m.regression().r2()));
            return;
        }
        out.println(String.format(Locale.ROOT, "%-5s examples %d  accuracy %.6f  precision %.6f  recall %.6f  f1 %.6f",
                split, m.examples(), m.accuracy(), m.precision(), m.recall(), m.f1()));
        out.println("      confusion matrix (rows actual, columns predicted): " + java.util.Arrays.deepToString(m.confusionMatrix()));
    }
}
