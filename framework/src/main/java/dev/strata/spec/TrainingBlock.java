package dev.strata.spec;

import dev.strata.eval.Classification;
import dev.strata.eval.Regression;
import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a spec's {@code training:} and {@code evaluation:} blocks, collecting every problem. */
final class TrainingBlock {
    /** What {@code training.early_stopping.monitor} may name, after {@code validation.}. */
    static final List<String> MONITORED = monitored();

    private final ErrorCollector errors;

    TrainingBlock(ErrorCollector errors) {
        this.errors = errors;
    }

    private static List<String> monitored() {
        List<String> out = new ArrayList<>(List.of("cost"));
        out.addAll(Classification.NAMES);
        out.addAll(Regression.NAMES);
        return List.copyOf(out);
    }

    Optional<TrainingSpec> training(YamlNode node, String path) {
        Optional<YamlBlock> maybe = YamlBlock.of(node, path, errors);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        YamlBlock block = maybe.get();
        int before = errors.size();
        boolean hasIterations = block.has("iterations");
        boolean hasEpochs = block.has("epochs");
        Optional<Integer> iterations = block.intAtLeast("iterations", null, 1);
        Optional<Integer> epochs = block.intAtLeast("epochs", null, 1);
        Optional<Integer> batchSize = block.intAtLeast("batch_size", null, 1);
        boolean hasShuffle = block.has("shuffle");
        boolean shuffle = block.bool("shuffle").orElse(true);
        int printEvery = block.intAtLeast("print_every", 100, 1).orElse(100);
        int checkpointEvery = block.intAtLeast("checkpoint_every", 0, 0).orElse(0);
        boolean inputGram = block.choice("input_gram", List.of("auto", "never"), "auto").equals("auto");
        EarlyStopping earlyStopping = block.node("early_stopping")
                .flatMap(n -> earlyStopping(n, block.pathOf("early_stopping"))).orElse(null);
        if (hasIterations == hasEpochs) {
            errors.add(Kind.TRAINING_MODE, hasIterations ? block.locationOf("epochs") : block.location(), path,
                    hasIterations ? "both iterations and epochs are set" : "neither iterations nor epochs is set",
                    "set exactly one: iterations (full-batch steps) or epochs with batch_size (minibatches)");
        } else if (hasEpochs && !block.has("batch_size")) {
            errors.add(Kind.MISSING_KEY, block.location(), block.pathOf("batch_size"),
                    "missing batch_size (required with epochs)", "add batch_size: 64, or train full-batch with "
                            + "iterations");
        } else if (hasIterations) {
            for (String key : List.of("batch_size", "shuffle")) {
                if (key.equals("batch_size") ? block.has(key) : hasShuffle) {
                    errors.add(Kind.TRAINING_MODE, block.locationOf(key), block.pathOf(key), key
                            + " applies only to minibatch training with epochs",
                            "remove " + key + ", or replace iterations with epochs");
                }
            }
        }
        block.finish();
        if (errors.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new TrainingSpec(iterations.orElse(null), epochs.orElse(null), batchSize.orElse(null),
                shuffle, printEvery, checkpointEvery, inputGram, earlyStopping));
    }

    Optional<EvaluationSpec> evaluation(YamlNode node, String path) {
        return YamlBlock.of(node, path, errors).flatMap(block -> {
            int before = errors.size();
            double threshold = block.number("threshold").orElse(EvaluationSpec.DEFAULT.threshold());
            if (errors.size() == before && !(threshold > 0 && threshold < 1)) {
                errors.add(Kind.OUT_OF_RANGE, block.locationOf("threshold"), block.pathOf("threshold"),
                        "threshold must be in (0, 1), got " + block.textOf("threshold"),
                        "set threshold to a probability between 0 and 1, e.g. 0.5");
            }
            block.finish();
            return errors.size() == before ? Optional.of(new EvaluationSpec(threshold)) : Optional.empty();
        });
    }

    private Optional<EarlyStopping> earlyStopping(YamlNode node, String path) {
        return YamlBlock.of(node, path, errors).flatMap(block -> {
            int before = errors.size();
            String monitor = block.string("monitor").orElse("validation.cost");
            if (errors.size() == before && !(monitor.startsWith("validation.")
                    && MONITORED.contains(monitor.substring("validation.".length())))) {
                errors.add(Kind.UNKNOWN_VALUE, block.locationOf("monitor"), block.pathOf("monitor"),
                        "early stopping cannot monitor '" + monitor + "'", "monitor validation data, one of "
                                + MONITORED.stream().map(m -> "validation." + m).toList()
                                + (monitor.startsWith("test.") ? " (stopping on the test set would tune on it)" : ""));
            }
            int patience = block.intAtLeast("patience", 5, 1).orElse(5);
            double minDelta = block.number("min_delta").orElse(0.0);
            if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
                errors.add(Kind.OUT_OF_RANGE, block.locationOf("min_delta"), block.pathOf("min_delta"),
                        "min_delta must be a finite number >= 0, got " + block.textOf("min_delta"),
                        "set min_delta to the least change that counts as an improvement, e.g. 0.001");
            }
            boolean restoreBest = block.bool("restore_best").orElse(true);
            block.finish();
            return errors.size() == before ? Optional.of(new EarlyStopping(monitor, patience, minDelta, restoreBest))
                    : Optional.empty();
        });
    }
}
