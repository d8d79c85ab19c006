package dev.strata.run;

import dev.strata.engine.Network;
import dev.strata.io.Json;
import dev.strata.io.Npz;
import dev.strata.plugin.PluginRegistry;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model reloaded from a run folder: the resolved spec ({@code config.yaml}), the parameters
 * ({@code model.npz}) and what the input looks like ({@code model.json}).
 *
 * @param inputShape the shape of one example as the data held it (e.g. 64 × 64 × 3)
 * @param inputScale what raw features are divided by
 */
public record SavedModel(ModelSpec spec, Network network, int[] inputShape, double inputScale, List<String> classNames) {

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
        Map<String, INDArray> parameters;
        Map<String, Object> info;
        try {
            parameters = Npz.read(runDir.resolve(RunFiles.MODEL));
            info = asMap(Json.parse(Files.readString(runDir.resolve(RunFiles.MODEL_INFO))), runDir);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException("cannot read the model in " + runDir + ": " + e.getMessage(),
                    "the run folder is damaged; train again", e);
        }
        Network network;
        try {
            network = Network.fromParameters(parameters, new ModelBuilder(plugins).plans(spec), spec.dtype().nd4j());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir.resolve(RunFiles.MODEL) + " does not match " + runDir.resolve(RunFiles.CONFIG)
                    + ": " + e.getMessage(), "the run folder is damaged; train again", e);
        }
        List<?> shape = (List<?>) info.get("input_shape");
        int[] inputShape = shape.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        List<String> classNames = ((List<?>) info.get("class_names")).stream().map(Object::toString).toList();
        return new SavedModel(spec, network, inputShape, ((Number) info.get("input_scale")).doubleValue(), classNames);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parsed, Path runDir) {
        if (parsed instanceof Map<?, ?> m && m.get("input_shape") instanceof List && m.get("class_names") instanceof List
                && m.get("input_scale") instanceof Number) {
            return (Map<String, Object>) m;
        }
        throw new BadInputException(runDir.resolve(RunFiles.MODEL_INFO) + " lacks input_shape, input_scale or class_names",
                "the run folder is damaged; train again");
    }
}
