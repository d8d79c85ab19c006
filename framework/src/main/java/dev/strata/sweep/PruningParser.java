package dev.strata.sweep;

import dev.strata.spec.SpecError.Kind;
import dev.strata.spec.yaml.ErrorCollector;
import dev.strata.spec.yaml.YamlBlock;
import dev.strata.spec.yaml.YamlNode;
import dev.strata.spi.Suggestions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a sweep's {@code pruner:} block: {@code {type: asha | successive_halving, reduction_factor,
 * min_epochs}} or {@code {type: median, ...}}.
 */
final class PruningParser {
    private PruningParser() {
    }

    static Optional<Pruning> read(YamlNode node, Objective objective, ErrorCollector errors) {
        return YamlBlock.of(node, "pruner", errors).flatMap(block -> {
            int before = errors.size();
            Optional<String> type = block.required("type", "the pruner (asha, successive_halving, hyperband or median)").flatMap(n ->
                    block.string("type"));
            Pruning.Kind kind = type.flatMap(t -> Arrays.stream(Pruning.Kind.values())
                    .filter(k -> k.yamlName().equals(t)).findFirst()).orElse(null);
            if (type.isPresent() && kind == null) {
                errors.add(Kind.UNKNOWN_VALUE, block.locationOf("type"), "pruner.type", "unknown pruner '" + type.get()
                        + "'", Suggestions.fix(type.get(), Arrays.stream(Pruning.Kind.values())
                        .map(Pruning.Kind::yamlName).toList()));
            }
            int eta = 3;
            int minSteps = 1;
            int warmup = 0;
            int startup = 5;
            if (kind != null && kind.rungs()) {
                eta = block.intAtLeast("reduction_factor", 3, 2).orElse(3);
                minSteps = block.intAtLeast("min_epochs", 1, 1).orElse(1);
            } else if (kind == Pruning.Kind.MEDIAN) {
                warmup = block.intAtLeast("warmup_epochs", 0, 0).orElse(0);
                startup = block.intAtLeast("startup_trials", 5, 1).orElse(5);
            }
            block.finish();
            if (objective != null && !objective.metric().startsWith("validation.")) {
                errors.add(Kind.UNKNOWN_VALUE, block.location(), "pruner", "a pruner compares trials on the"
                        + " objective's validation metric as they train, but the objective is " + objective.metric(),
                        "rank on validation data (objective.metric: validation.accuracy, with data.validation in the"
                                + " base spec)");
            }
            return errors.size() == before && kind != null ? Optional.of(new Pruning(kind, eta, minSteps, warmup,
                    startup)) : Optional.empty();
        });
    }
}
