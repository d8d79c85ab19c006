package dev.strata.cli;

import dev.strata.io.Images;
import dev.strata.engine.Inference;
import dev.strata.engine.Features;
import dev.strata.engine.Inputs;
import dev.strata.registry.PluginRegistry;
import dev.strata.run.Predictions;
import dev.strata.run.SavedModel;
import dev.strata.spi.LossFactory;
import dev.strata.spi.BadInputException;
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

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict with a trained model: your own images (PNG or JPEG), or a file of examples (--data).",
            "Each image is resized to the model's input (64x64 RGB for the cat model) and scaled as in training.",
            "--data reads a file in the model's data format (e.g. a CSV with the training columns, in their order; the"
                    + " label column may be left out), transformed as in training (scale, standardize / min_max)."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by `strata train`.")
    Path runDir;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "IMAGE", description = "Images to classify.")
    List<Path> images = List.of();

    @Option(names = "--data", paramLabel = "FILE", description = "A file of examples to predict (instead of images).")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions of --data as CSV: example,"
            + " predicted class and each class's probability (or the predicted value).")
    Path out;

    @Override
    public Integer call() throws java.io.IOException {
        if ((data == null) == images.isEmpty()) {
            throw new BadInputException(data == null ? "nothing to predict" : "give either images or --data, not both",
                    "e.g. strata predict RUN_DIR cat.jpg, or strata predict RUN_DIR --data new.csv --out predictions.csv");
        }
        if (out != null && data == null) {
            throw new BadInputException("--out writes the predictions of --data", "add --data FILE, or leave out --out");
        }
        SavedModel model = root.savedModel(runDir);
        if (data != null) {
            return predictFile(model);
        }
        int[] shape = model.inputShape();
        if (shape.length != 3 || shape[2] != 3) {
            throw new BadInputException("the model in " + runDir + " takes examples of shape " + java.util.Arrays.toString(shape)
                    + ", not RGB images", "predict images only with models trained on images (height x width x 3)");
        }
        PrintWriter out = command.commandLine().getOut();
        double threshold = model.spec().evaluation().threshold();
        for (Path image : images) {
            double[] pixels = Images.load(image, shape[0], shape[1]);
            Inputs input = new Inputs(Features.ofDoubles(pixels, pixels.length, model.inputScale()), new double[1], 1);
            double[] p = Inference.outputs(model.network(), input);
            out.println(image + ": " + describe(p, threshold, model.classNames()));
        }
        return 0;
    }

    private Integer predictFile(SavedModel model) throws java.io.IOException {
        PluginRegistry plugins = root.injector().getInstance(PluginRegistry.class);
        boolean values = plugins.get(LossFactory.class, model.spec().loss().type()).labelKind()
                == LossFactory.LabelKind.VALUE;
        Inputs inputs = Predictions.read(model, data, plugins);
        double[] outputs = Inference.outputs(model.network(), inputs);
        PrintWriter console = command.commandLine().getOut();
        int units = model.network().outputUnits();
        if (out != null) {
            OutputFiles.requireWritable(out, runDir, List.of(data));
            Predictions.write(out, List.of(new Predictions.Split("data", outputs, null)), model, values);
            console.println("Predictions: " + out + " (" + inputs.count() + " rows)");
            return 0;
        }
        double threshold = model.spec().evaluation().threshold();
        for (int i = 0; i < inputs.count(); i++) {
            double[] one = java.util.Arrays.copyOfRange(outputs, i * units, (i + 1) * units);
            console.println("example " + i + ": " + (values ? String.format(Locale.ROOT, "%.6g", one[0])
                    : describe(one, threshold, model.classNames())));
        }
        return 0;
    }

    static String describe(double[] output, double threshold, List<String> classNames) {
        if (output.length == 1) {
            int k = output[0] > threshold ? 1 : 0;
            return String.format(Locale.ROOT, "%s (probability of %s: %.6f)", classNames.get(k), classNames.get(1), output[0]);
        }
        int best = 0;
        for (int k = 1; k < output.length; k++) {
            if (output[k] > output[best]) {
                best = k;
            }
        }
        return String.format(Locale.ROOT, "%s (probability %.6f)", classNames.get(best), output[best]);
    }
}
