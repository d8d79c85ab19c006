package dev.strata.run;

import dev.strata.engine.Network;
import dev.strata.io.JsonFiles;
import dev.strata.io.NumpyArray;
import dev.strata.io.Npz;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model reloaded from a run folder: the resolved spec ({@code config.yaml}), the parameters
 * ({@code model.npz}) and what the input looks like ({@code model.json}). Every part is checked
 * against the others, so a damaged or tampered folder is refused with what does not fit.
 */
public record SavedModel(ModelSpec spec, Network network, ModelInfo info) {

    public int[] inputShape() {
        return info.inputShape();
    }

    public double inputScale() {
        return info.inputScale();
    }

    /** The per-feature transform fitted when training, applied to every new example; {@code null} for none. */
    public dev.strata.engine.Normalizer normalizer() {
        return info.normalizer();
    }

    /** The training data's feature names, or {@code null} where its format names none. */
    public List<String> featureNames() {
        return info.featureNames();
    }

    public List<String> classNames() {
        return info.classNames();
    }

    public static SavedModel load(Path runDir, SpecLoader specs, PluginRegistry plugins) {
        if (!Files.isDirectory(runDir)) {
            throw new BadInputException("run folder " + runDir + " does not exist", "give the folder `strata train` wrote");
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of(RunFiles.CONFIG, RunFiles.MODEL, RunFiles.MODEL_INFO)) {
            if (!Files.isRegularFile(runDir.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException("run folder " + runDir + " is missing " + String.join(", ", missing),
                    "give a folder written by `strata train` (it holds config.yaml, model.npz and model.json)");
        }
        ModelSpec spec = specs.load(runDir.resolve(RunFiles.CONFIG), List.of());
        Path infoFile = runDir.resolve(RunFiles.MODEL_INFO);
        Map<String, NumpyArray> parameters;
        ModelInfo info;
        try {
            parameters = Npz.read(runDir.resolve(RunFiles.MODEL));
            info = JsonFiles.read(Files.readString(infoFile), ModelInfo.class, infoFile.toString()).checked(infoFile);
        } catch (IOException e) {
            throw new BadInputException("cannot read the model in " + runDir + ": " + e.getMessage(),
                    "the run folder is damaged; train again", e);
        }
        Network network;
        try {
            network = Network.fromParameters(parameters, new ModelBuilder(plugins).plans(spec), spec.dtype().precision());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir.resolve(RunFiles.MODEL) + " does not match " + runDir.resolve(RunFiles.CONFIG)
                    + ": " + e.getMessage(), "the run folder is damaged; train again", e);
        }
        int width = 1;
        for (int d : info.inputShape()) {
            width = Math.multiplyExact(width, d);
        }
        if (width != network.inputSize()) {
            throw new BadInputException(infoFile + " says examples have shape " + java.util.Arrays.toString(info.inputShape())
                    + " (" + width + " values) but W1 takes " + network.inputSize(), "the run folder is damaged; train again");
        }
        return new SavedModel(spec, network, info);
    }
}
