package dev.strata.cli;

import dev.strata.io.Images;
import dev.strata.engine.Inference;
import dev.strata.engine.Features;
import dev.strata.engine.Inputs;
import dev.strata.run.SavedModel;
import dev.strata.spi.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify your own images with a trained model (PNG or JPEG).",
            "Each image is resized to the model's input (64x64 RGB for the cat model) and scaled as in training."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand
    StrataCommand root;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by `strata train`.")
    Path runDir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "Images to classify.")
    List<Path> images;

    @Override
    public Integer call() throws java.io.IOException {
        SavedModel model = root.savedModel(runDir);
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
