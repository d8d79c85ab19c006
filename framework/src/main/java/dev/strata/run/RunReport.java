package dev.strata.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.strata.engine.CostPoint;
import dev.strata.engine.ValidationPoint;
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
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(String name, Map<String, Object> config, List<String> overrides, List<Cost> costs,
        Map<String, SplitMetrics> metrics, Validation validation, Timing timing, boolean stoppedEarly,
        Environment.Info environment, List<PluginCatalog.Provenance> plugins) {

    /**
     * The validation history (one entry per evaluation) and what early stopping decided.
     *
     * @param stoppedEarly whether early stopping ended training before its last step ({@code stopped_early}
     *     at the top level is an interrupted run)
     * @param bestStep the iterations or epochs done at the best evaluation
     * @param restoredBest whether model.npz holds the parameters of {@code bestStep}
     * @param cost the saved model's loss on the validation data, without weight penalties
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Validation(List<ValidationPoint> history, String monitor, Integer bestStep, Double best,
            Boolean stoppedEarly, Boolean restoredBest, double cost) {
        static Validation of(ValidationReport v) {
            if (v.earlyStopping() == null) {
                return new Validation(v.history(), null, null, null, null, null, v.cost());
            }
            return new Validation(v.history(), v.earlyStopping().monitor(), v.bestStep(), v.best(), v.stoppedEarly(),
                    v.restoredBest(), v.cost());
        }
    }

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

    /**
     * One split's metrics: the headline values, then for classification the ROC AUC (two classes),
     * per-class precision, recall, F1 and support (the headline precision, recall and F1 are the
     * macro averages of these for more than two classes, class 1's for two) and the confusion
     * matrix, then the example count.
     */
    public record SplitMetrics(Metrics metrics, double[] labels, List<String> classNames) {
        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>(metrics.values());
            if (metrics instanceof Classification c) {
                double auc = c.rocAuc(labels);
                if (!Double.isNaN(auc)) {
                    out.put("roc_auc", auc);
                }
                out.put("average", c.classes() == 2 ? "binary (class 1)" : "macro");
                Map<String, Object> perClass = new LinkedHashMap<>();
                for (int k = 0; k < c.classes(); k++) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("precision", c.precisionOf(k));
                    row.put("recall", c.recallOf(k));
                    row.put("f1", c.f1Of(k));
                    row.put("support", c.supportOf(k));
                    perClass.put(k < classNames.size() ? classNames.get(k) : Integer.toString(k), row);
                }
                out.put("per_class", perClass);
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
        List<String> names = run.data().classNames();
        metrics.put("train", new SplitMetrics(run.train(), run.data().train().labels(), names));
        if (run.validation() != null) {
            metrics.put("validation", new SplitMetrics(run.validation().metrics(), run.data().validation().labels(),
                    names));
        }
        if (run.test() != null) {
            metrics.put("test", new SplitMetrics(run.test(), run.data().test().labels(), names));
        }
        var training = run.training();
        Timing timing = new Timing(training.seconds(), provenance.totalSeconds(), provenance.startupSeconds(),
                provenance.loadSeconds(), run.evaluateSeconds(), reportsSeconds, training.updates(),
                training.seconds() > 0 ? training.updates() / training.seconds() : null,
                Double.isNaN(training.warmUpdatesPerSecond()) ? null : training.warmUpdatesPerSecond(),
                training.firstLayerForm());
        return new RunReport(run.spec().name(), dev.strata.spec.SpecWriter.toMap(run.spec()), provenance.overrides(),
                training.costs().stream().map(Cost::of).toList(), metrics,
                run.validation() == null ? null : Validation.of(run.validation()), timing, training.stopped(),
                Environment.describe(run.spec().dtype().yamlName()), provenance.plugins());
    }
}
