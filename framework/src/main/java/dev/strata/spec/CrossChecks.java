package dev.strata.spec;

import dev.strata.eval.Classification;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spi.LossFactory;
import java.util.List;

/** Checks between blocks, once each block is valid on its own: what one key asks of another. */
final class CrossChecks {
    private final PluginRegistry plugins;
    private final ErrorCollector errors;
    private final YamlBlock spec;

    CrossChecks(PluginRegistry plugins, ErrorCollector errors, YamlBlock spec) {
        this.plugins = plugins;
        this.errors = errors;
        this.spec = spec;
    }

    void check(DataSpec data, ModelDef model, Selector loss, Selector schedule, TrainingSpec training) {
        if (data != null && training != null && data.cache() == DataSpec.Cache.STREAM && !training.minibatch()) {
            errors.add(Kind.TRAINING_MODE, at("data", "cache"), "data.cache", "data.cache: stream reads examples from"
                    + " disk as minibatch training goes, but this spec trains full-batch (training.iterations)",
                    "train in minibatches (training: {epochs: 10, batch_size: 64}), or set data.cache: memory");
        }
        if (data != null && training != null && training.earlyStopping() != null && !data.hasValidation()) {
            errors.add(Kind.MISSING_KEY, at("training", "early_stopping"), "training.early_stopping", "early stopping"
                    + " watches validation data, but the spec has none", "add data.validation: {split: 0.2} (or a"
                    + " validation file in the format of data.train)");
        }
        if (loss != null && training != null && training.earlyStopping() != null) {
            String metric = training.earlyStopping().monitor().substring("validation.".length());
            boolean values = plugins.get(LossFactory.class, loss.type()).labelKind() == LossFactory.LabelKind.VALUE;
            List<String> names = values ? dev.strata.eval.Regression.NAMES : Classification.NAMES;
            if (!metric.equals("cost") && !names.contains(metric)) {
                errors.add(Kind.UNKNOWN_VALUE, at("training", "early_stopping", "monitor"),
                        "training.early_stopping.monitor", "loss '" + loss.type() + "' is evaluated by "
                                + names + ", not " + metric, "monitor validation.cost or one of "
                                + String.join(", ", names.stream().map(n -> "validation." + n).toList()));
            }
        }
        if (model != null) {
            int last = model.layers().size() - 1;
            if (model.layers().get(last).dropout() > 0) {
                errors.add(Kind.OUT_OF_RANGE, at("model", "layers", last, "dropout"), "model.layers[" + last
                        + "].dropout", "dropout on the output layer would drop predictions",
                        "put dropout on hidden layers only, or remove it from the last layer");
            }
        }
        if (schedule != null && training != null) {
            int warmup = schedule.params().getInt(dev.strata.registry.Parameters.WARMUP);
            if (warmup >= training.steps()) {
                errors.add(Kind.OUT_OF_RANGE, at("optimizer", "schedule", "warmup"), "optimizer.schedule.warmup",
                        "a warm-up of " + warmup + " " + (training.minibatch() ? "epochs" : "iterations")
                                + " leaves nothing of the " + training.steps() + " to schedule",
                        "use a warm-up shorter than training." + (training.minibatch() ? "epochs" : "iterations"));
            }
        }
    }

    /** Where a YAML path is: the deepest node of it that exists. */
    private dev.strata.spec.Location at(Object... path) {
        YamlNode node = spec.node(path[0].toString()).orElse(null);
        dev.strata.spec.Location found = node == null ? spec.location() : node.location();
        for (int i = 1; i < path.length && node != null; i++) {
            Object key = path[i];
            node = key instanceof Integer index ? node instanceof YamlNode.Sequence s && index < s.items().size()
                    ? s.items().get(index) : null : node instanceof YamlNode.Mapping m ? m.get(key.toString()) : null;
            if (node != null) {
                found = node.location();
            }
        }
        return found;
    }
}
