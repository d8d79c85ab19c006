package dev.strata.run;

import dev.strata.data.FeatureNames;
import dev.strata.engine.Features;
import dev.strata.engine.Inputs;
import dev.strata.io.AtomicFiles;
import dev.strata.registry.PluginRegistry;
import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples to predict, read as the model's training data was (its data format and
 * {@code data.train} keys, another file; the label column may be absent) and transformed as in
 * training ({@code scale}, then the fitted {@code standardize} / {@code min_max}); and the
 * predictions file: one row per example with the predicted class and each class's probability, or
 * the predicted value.
 */
public final class Predictions {
    private Predictions() {
    }

    /** The examples of {@code file} as the model's inputs. */
    public static Inputs read(SavedModel model, Path file, PluginRegistry plugins) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + (Files.isDirectory(file) ? " is a folder" : " does not exist"),
                    "give a file of examples in the model's data format (" + model.spec().data().format() + ")");
        }
        DataSourceFactory factory = plugins.get(DataSourceFactory.class, model.spec().data().format());
        Map<String, Object> keys = new LinkedHashMap<>(model.spec().data().train().asMap());
        keys.put("path", file.toAbsolutePath());
        Examples examples;
        try {
            examples = factory.create().readUnlabeled(Params.of(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
        }
        if (examples.width() != model.network().inputSize()) {
            throw new BadInputException(file + " has " + examples.width() + " features per example but the model"
                    + " takes " + model.network().inputSize(), "give examples with the features the model was trained on"
                    + " (the same columns, the label column optional)");
        }
        FeatureNames.require(model.featureNames(), examples.featureNames(), file.toString());
        Features features = Features.of(examples.features(), model.inputScale()).normalized(model.normalizer());
        long bad = features.firstNonFinite();
        if (bad >= 0) {
            throw new BadInputException(file + ": feature " + bad % examples.width() + " of example "
                    + bad / examples.width() + " is not a finite number", "remove or impute it before predicting");
        }
        int outputs = model.network().outputUnits();
        return new Inputs(features, new double[outputs * examples.count()], outputs);
    }

    /** The header of a predictions file for this model: {@code predicted} and a probability per class, or {@code prediction}. */
    static String header(List<String> classNames, int units, boolean values) {
        if (values) {
            return "prediction";
        }
        StringBuilder out = new StringBuilder("predicted");
        for (String name : classNames) {
            out.append(",probability_").append(csv(name));
        }
        return out.toString();
    }

    /** Example {@code i}'s row after {@link #header}. */
    static String row(double[] outputs, int units, int i, List<String> classNames, double threshold, boolean values) {
        if (values) {
            return Double.toString(outputs[i]);
        }
        StringBuilder out = new StringBuilder();
        if (units == 1) {
            double p = outputs[i];
            out.append(csv(classNames.get(p > threshold ? 1 : 0))).append(',').append(1 - p).append(',').append(p);
            return out.toString();
        }
        int best = 0;
        for (int k = 1; k < units; k++) {
            best = outputs[i * units + k] > outputs[i * units + best] ? k : best;
        }
        out.append(csv(classNames.get(best)));
        for (int k = 0; k < units; k++) {
            out.append(',').append(outputs[i * units + k]);
        }
        return out.toString();
    }

    /**
     * Writes {@code out} (atomically): {@code example,} and the {@link #header} columns, or with
     * {@code split} and {@code label} first when {@code labels} are given (evaluate).
     */
    public static void write(Path out, List<Split> splits, SavedModel model, boolean values) throws IOException {
        List<String> names = model.classNames();
        int units = model.network().outputUnits();
        double threshold = model.spec().evaluation().threshold();
        boolean labelled = splits.stream().anyMatch(s -> s.labels() != null);
        AtomicFiles.write(out, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            w.write((labelled ? "split,example,label," : "example,") + header(names, units, values));
            w.newLine();
            for (Split split : splits) {
                for (int i = 0; i < split.outputs().length / units; i++) {
                    if (labelled) {
                        double label = split.labels()[i];
                        w.write(split.name() + "," + i + "," + (values ? Double.toString(label)
                                : csv(names.get((int) label))) + ",");
                    } else {
                        w.write(i + ",");
                    }
                    w.write(row(split.outputs(), units, i, names, threshold, values));
                    w.newLine();
                }
            }
            w.flush();
        });
    }

    /** One split's outputs (outputs × examples, column order) and labels ({@code null} to predict). */
    public record Split(String name, double[] outputs, double[] labels) {
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
