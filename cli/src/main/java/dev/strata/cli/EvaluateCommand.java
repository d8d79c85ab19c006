package dev.strata.cli;

import dev.strata.data.PreparedData;
import dev.strata.data.Split;
import dev.strata.engine.Inference;
import dev.strata.eval.Classification;
import dev.strata.eval.Metrics;
import dev.strata.registry.PluginRegistry;
import dev.strata.run.Predictions;
import dev.strata.run.Runs;
import dev.strata.run.SavedModel;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import dev.strata.spi.LossFactory;
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write every evaluated example's prediction as CSV:"
            + " split, example, label, predicted class and each class's probability (or the predicted value).")
    Path out;

    @Override
    public Integer call() throws java.io.IOException {
        SpecLoader specs = root.injector().getInstance(SpecLoader.class);
        SavedModel model = root.savedModel(runDir);
        ModelSpec dataSpec = model.spec();
        if (dataConfig != null) {
            ModelSpec other = specs.load(dataConfig, List.of());
            dataSpec = dataSpec.withData(other.data(), other.source());
        }
        if (out != null) {
            List<Path> inputs = new java.util.ArrayList<>();
            if (dataConfig != null) {
                inputs.add(dataConfig);
            }
            for (var split : java.util.Arrays.asList(dataSpec.data().train(), dataSpec.data().test())) {
                if (split != null && split.has("path")) {
                    inputs.add(split.getPath("path"));
                }
            }
            OutputFiles.requireWritable(out, runDir, inputs);
        }
        // the model's own transform is applied below: fitting one on this data would be a wasted pass
        var given = dataSpec.data();
        var raw = new dev.strata.spec.Preprocessing(given.preprocessing().flatten(), given.preprocessing().scale());
        dataSpec = dataSpec.withData(new dev.strata.spec.DataSpec(given.format(), given.train(), given.test(),
                given.classNames(), raw, given.cache(), given.validation(), given.validationSplit()), dataSpec.source());
        PreparedData data = root.injector().getInstance(Runs.class).loadData(dataSpec);
        if (data.inputSize() != model.network().inputSize()) {
            throw new BadInputException("the data of " + (dataConfig != null ? dataConfig : runDir) + " has "
                    + data.inputSize() + " features per example but the model in " + runDir + " takes "
                    + model.network().inputSize(), "evaluate on data with the features the model was trained on");
        }
        dev.strata.data.FeatureNames.require(model.featureNames(), data.featureNames(), "the data of "
                + (dataConfig != null ? dataConfig : runDir));
        PrintWriter console = command.commandLine().getOut();
        double threshold = model.spec().evaluation().threshold();
        boolean values = root.injector().getInstance(PluginRegistry.class)
                .get(LossFactory.class, model.spec().loss().type()).labelKind() == LossFactory.LabelKind.VALUE;
        List<Split> splits = new java.util.ArrayList<>(List.of(data.train()));
        if (data.validation() != null) {
            splits.add(data.validation());
        }
        if (data.test() != null) {
            splits.add(data.test());
        }
        List<Predictions.Split> predictions = new java.util.ArrayList<>();
        for (Split split : splits) {
            // the transform fitted when training, never one fitted on this data
            Split transformed = split.normalized(model.normalizer());
            double[] outputs = Inference.outputs(model.network(), transformed.inputs());
            print(console, split.name(), Metrics.of(outputs, model.network().outputUnits(), split.labels(), threshold,
                    values));
            predictions.add(new Predictions.Split(split.name(), outputs, split.labels()));
        }
        if (out != null) {
            Predictions.write(out, predictions, model, values);
            console.println("Predictions: " + out);
        }
        return 0;
    }

    private static void print(PrintWriter out, String split, Metrics m) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s examples %d", split, m.examples()));
        m.values().forEach((name, v) -> line.append(String.format(Locale.ROOT,
                m instanceof Classification || "r2".equals(name) ? "  %s %.6f" : "  %s %.6g", name, v)));
        out.println(line);
        if (m instanceof Classification c) {
            out.println("      confusion matrix (rows actual, columns predicted): "
                    + java.util.Arrays.deepToString(c.confusionMatrix()));
        }
    }
}
