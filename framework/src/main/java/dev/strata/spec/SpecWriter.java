package dev.strata.spec;

import dev.strata.spi.Params;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a resolved spec back out with every default explicit, every selector as
 * {@code {type: NAME, ...params}} and every path absolute: what a run actually used. Loading the
 * output again gives an equal spec (apart from its source).
 */
public final class SpecWriter {
    private SpecWriter() {
    }

    /** The resolved spec as YAML, in the order of the spec format. */
    public static String toYaml(ModelSpec spec) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(toMap(spec));
    }

    /** The resolved spec as ordered maps, lists and plain values (strings, numbers, booleans). */
    public static Map<String, Object> toMap(ModelSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", spec.version());
        out.put("name", spec.name());
        out.put("seed", spec.seed());
        out.put("dtype", spec.dtype().yamlName());
        out.put("data", data(spec.data()));
        out.put("model", model(spec.model()));
        out.put("loss", selector(spec.loss()));
        Map<String, Object> optimizer = selector(spec.optimizer());
        optimizer.put("schedule", selector(spec.schedule()));
        out.put("optimizer", optimizer);
        out.put("training", training(spec.training()));
        out.put("evaluation", Map.of("threshold", spec.evaluation().threshold()));
        return out;
    }

    private static Map<String, Object> data(DataSpec data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", data.format());
        out.put("train", params(data.train()));
        if (data.test() != null) {
            out.put("test", params(data.test()));
        }
        if (data.validation() != null) {
            out.put("validation", params(data.validation()));
        } else if (data.validationSplit() > 0) {
            out.put("validation", Map.of("split", data.validationSplit()));
        }
        if (data.classNames() != null) {
            out.put("class_names", params(data.classNames()));
        }
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        preprocessing.put("flatten", data.preprocessing().flatten());
        preprocessing.put("scale", data.preprocessing().scale());
        preprocessing.put("standardize", data.preprocessing().normalize() == Preprocessing.Normalize.STANDARDIZE);
        preprocessing.put("min_max", data.preprocessing().normalize() == Preprocessing.Normalize.MIN_MAX);
        out.put("preprocessing", preprocessing);
        out.put("cache", data.cache().yamlName());
        return out;
    }

    private static Map<String, Object> model(ModelDef model) {
        List<Object> layers = new ArrayList<>();
        for (LayerSpec layer : model.layers()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("units", layer.units());
            out.put("activation", selector(layer.activation()));
            if (layer.initializer() != null) {
                out.put("initializer", selector(layer.initializer()));
            }
            putIfSet(out, "dropout", layer.dropout());
            putIfSet(out, "l2", layer.l2());
            putIfSet(out, "l1", layer.l1());
            if (layer.batchNorm()) {
                out.put("batch_norm", true);
            }
            layers.add(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("layers", layers);
        out.put("initializer", selector(model.initializer()));
        return out;
    }

    private static Map<String, Object> training(TrainingSpec training) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (training.minibatch()) {
            out.put("epochs", training.epochs());
            out.put("batch_size", training.batchSize());
            out.put("shuffle", training.shuffle());
        } else {
            out.put("iterations", training.iterations());
        }
        out.put("print_every", training.printEvery());
        out.put("checkpoint_every", training.checkpointEvery());
        out.put("input_gram", training.inputGram() ? "auto" : "never");
        EarlyStopping stopping = training.earlyStopping();
        if (stopping != null) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("monitor", stopping.monitor());
            block.put("patience", stopping.patience());
            block.put("min_delta", stopping.minDelta());
            block.put("restore_best", stopping.restoreBest());
            out.put("early_stopping", block);
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String key, double value) {
        if (value != 0) {
            out.put(key, value);
        }
    }

    private static Map<String, Object> selector(Selector selector) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", selector.type());
        out.putAll(params(selector.params()));
        return out;
    }

    private static Map<String, Object> params(Params params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.asMap().forEach((key, value) -> out.put(key, value instanceof Path p ? p.toString()
                : value instanceof List<?> list ? List.copyOf(list) : value));
        return out;
    }
}
