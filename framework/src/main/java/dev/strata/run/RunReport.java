package dev.strata.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.strata.engine.CostPoint;
import dev.strata.eval.Classification;
import dev.strata.eval.Metrics;
import dev.strata.registry.PluginCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: what a run was (the resolved spec, overrides, plugins and their origins),
 * what it did (costs, timing) and how well it did (metrics per split).
 */
public record RunReport(String name, Map<String, Object> config, List<String> overrides, List<Cost> costs,
        Map<String, SplitMetrics> metrics, Timing timing, boolean stoppedEarly, Environment.Info environment,
        List<PluginCatalog.Provenance> plugins) {

    /** One recorded cost; {@code epoch} only for minibatch training. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cost(Integer epoch, long iteration, double cost) {
        static Cost of(CostPoint p) {
            return new Cost(p.epoch() >= 0 ? p.epoch() : null, p.iteration(), p.cost());
        }
    }

    /**
     * Where the time went: {@code total} (from the JVM's start to this report) is start-up (the JVM,
     * plugins, the spec), loading the data, training, evaluation and writing the reports.
     *
     * @param warmUpdatesPerSecond the rate over the training loop's second half, once the JIT has
     *     compiled it: what a longer run of the same spec sustains
     * @param firstLayer how the first layer was trained ({@code direct} or {@code input_gram})
     */
    public record Timing(double trainSeconds, double totalSeconds, double startupSeconds, double loadSeconds,
            double evaluateSeconds, double reportsSeconds, long updates, Double updatesPerSecond,
            Double warmUpdatesPerSecond, String firstLayer) {
    }

    /** One split's metrics: the headline values, then the confusion matrix for classification, then the example count. */
    public record SplitMetrics(Metrics metrics) {
        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>(metrics.values());
            if (metrics instanceof Classification c) {
                List<List<Long>> confusion = new ArrayList<>();
                for (long[] row : c.confusionMatrix()) {
                    List<Long> r = new ArrayList<>();
                    for (long v : row) {
                        r.add(v);
                    }
                    confusion.add(r);
                }
                out.put("confusion_matrix", confusion);
            }
            out.put("examples", metrics.examples());
            return out;
        }
    }

    static RunReport of(RunResult run, RunWriter.Provenance provenance, double reportsSeconds) {
        Map<String, SplitMetrics> metrics = new LinkedHashMap<>();
        metrics.put("train", new SplitMetrics(run.train()));
        if (run.test() != null) {
            metrics.put("test", new SplitMetrics(run.test()));
        }
        var training = run.training();
        Timing timing = new Timing(training.seconds(), provenance.totalSeconds(), provenance.startupSeconds(),
                provenance.loadSeconds(), run.evaluateSeconds(), reportsSeconds, training.updates(),
                training.seconds() > 0 ? training.updates() / training.seconds() : null,
                Double.isNaN(training.warmUpdatesPerSecond()) ? null : training.warmUpdatesPerSecond(),
                training.firstLayerForm());
        return new RunReport(run.spec().name(), dev.strata.spec.SpecWriter.toMap(run.spec()), provenance.overrides(),
                training.costs().stream().map(Cost::of).toList(), metrics, timing, training.stopped(),
                Environment.describe(run.spec().dtype().yamlName()), provenance.plugins());
    }
}
