package dev.strata.run;

import dev.strata.data.Split;
import dev.strata.engine.CostPoint;
import dev.strata.engine.ValidationPoint;
import dev.strata.eval.Classification;
import dev.strata.eval.Metrics;
import dev.strata.io.Decimal;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Selector;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code report.md}: the run for a person: model, metrics per split and class, early stopping, charts, timing. */
final class ReportMarkdown {
    private ReportMarkdown() {
    }

    static String of(RunResult run, RunWriter.Provenance provenance, RunReport.Timing timing, boolean curve,
            boolean images, boolean confusionChart) {
        ModelSpec spec = run.spec();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(spec.name()).append("\n\n");
        md.append("## Model\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| layers | ").append(layersText(run)).append(" |\n");
        md.append("| activations | ").append(spec.model().layers().stream().map(l -> selectorText(l.activation()))
                .collect(Collectors.joining(", "))).append(" |\n");
        md.append("| initializer | ").append(selectorText(spec.model().initializer())).append(" |\n");
        md.append("| loss | ").append(selectorText(spec.loss())).append(" |\n");
        md.append("| optimizer | ").append(selectorText(spec.optimizer())).append(" |\n");
        if (!spec.schedule().type().equals("constant") || spec.schedule().params().getInt("warmup") > 0) {
            md.append("| schedule | ").append(selectorText(spec.schedule())).append(" |\n");
        }
        String regularization = regularizationText(spec);
        if (!regularization.isEmpty()) {
            md.append("| regularisation | ").append(regularization).append(" |\n");
        }
        if (spec.data().preprocessing().normalize() != dev.strata.spec.Preprocessing.Normalize.NONE) {
            md.append("| preprocessing | ").append(spec.data().preprocessing().normalize().name().toLowerCase(Locale.ROOT))
                    .append(", fitted on the training examples |\n");
        }
        md.append("| training | ").append(spec.training().minibatch()
                ? spec.training().epochs() + " epochs, batches of " + spec.training().batchSize()
                        + (spec.training().shuffle() ? ", shuffled" : "")
                : spec.training().iterations() + " full-batch iterations").append(" |\n");
        md.append("| seed, dtype | ").append(spec.seed()).append(", ").append(spec.dtype().yamlName()).append(" |\n");
        if (!provenance.overrides().isEmpty()) {
            md.append("| overrides | `").append(String.join("` `", provenance.overrides())).append("` |\n");
        }
        md.append("\n## Metrics\n\n");
        List<String> metricNames = run.train().names();
        md.append("| split | examples | ").append(String.join(" | ", metricNames)).append(" |\n|---|---|")
                .append("---|".repeat(metricNames.size())).append('\n');
        metricsRow(md, "train", run.train());
        if (run.validation() != null) {
            metricsRow(md, "validation", run.validation().metrics());
        }
        if (run.test() != null) {
            metricsRow(md, "test", run.test());
        }
        List<String> names = run.data().classNames();
        if (run.train() instanceof Classification train) {
            md.append('\n').append(train.classes() == 2 ? "Precision, recall and F1 are class 1's ("
                    + names.get(1) + ")." : "Precision, recall and F1 are macro averages: the unweighted mean over"
                    + " classes of the figures below.").append('\n');
            Split last = run.test() != null ? run.data().test() : run.data().train();
            Classification shown = run.test() instanceof Classification t ? t : train;
            perClass(md, run.test() != null ? "test" : "train", shown, names, last.labels());
            confusion(md, "train", train, names);
            if (run.test() instanceof Classification test) {
                confusion(md, "test", test, names);
            }
            if (confusionChart) {
                md.append("\n![confusion matrix](").append(RunFiles.CONFUSION).append(")\n");
            }
        }
        if (run.validation() != null && run.validation().earlyStopping() != null) {
            earlyStopping(md, run);
        }
        md.append("\n## Cost\n\n");
        if (!run.training().costs().isEmpty()) {
            CostPoint first = run.training().costs().get(0);
            md.append(String.format(Locale.ROOT, "From %.6f to %.6f.%n%n", first.cost(), run.training().finalCost()));
        }
        if (run.validation() != null) {
            md.append(String.format(Locale.ROOT, "On the validation data (without weight penalties) the saved model's"
                    + " cost is %.6f.%n%n", run.validation().cost()));
        }
        if (curve) {
            md.append("![cost curve](").append(RunFiles.COST_CURVE).append(")\n");
        }
        if (images) {
            md.append("\n## Mislabeled test images\n\n![mislabeled test images](").append(RunFiles.MISLABELED).append(")\n");
        }
        md.append("\n## Timing and environment\n\n");
        md.append(String.format(Locale.ROOT, "Training loop %.2f s (%d updates; first layer %s), whole run %.2f s: "
                + "start-up %.2f s, data %.2f s, training %.2f s, evaluation %.2f s, reports %.2f s.%n%n",
                run.training().seconds(), run.training().updates(), run.training().firstLayerText(),
                timing.totalSeconds(), timing.startupSeconds(), timing.loadSeconds(), timing.trainSeconds(),
                timing.evaluateSeconds(), timing.reportsSeconds()));
        Environment.describe(spec.dtype().yamlName()).lines().forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    private static String layersText(RunResult run) {
        StringBuilder s = new StringBuilder().append(run.data().inputSize());
        for (LayerSpec l : run.spec().model().layers()) {
            s.append(" → ").append(l.units());
        }
        return s.toString();
    }

    private static String selectorText(Selector s) {
        if (s.params().asMap().isEmpty()) {
            return s.type();
        }
        return s.type() + " " + s.params().asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? Decimal.text(d) : e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static void metricsRow(StringBuilder md, String split, Metrics m) {
        md.append("| ").append(split).append(" | ").append(m.examples()).append(" |");
        m.values().forEach((name, v) -> md.append(' ').append(m instanceof Classification || "r2".equals(name)
                ? String.format(Locale.ROOT, "%.6f", v) : String.format(Locale.ROOT, "%.6g", v)).append(" |"));
        md.append('\n');
    }

    private static void perClass(StringBuilder md, String split, Classification m, List<String> names,
            double[] labels) {
        md.append("\n**Per class (").append(split).append(")**\n\n| class | precision | recall | f1 | support |\n")
                .append("|---|---|---|---|---|\n");
        for (int k = 0; k < m.classes(); k++) {
            md.append(String.format(Locale.ROOT, "| %s | %.6f | %.6f | %.6f | %d |%n", k < names.size() ? names.get(k)
                    : Integer.toString(k), m.precisionOf(k), m.recallOf(k), m.f1Of(k), m.supportOf(k)));
        }
        double auc = m.rocAuc(labels);
        if (!Double.isNaN(auc)) {
            md.append(String.format(Locale.ROOT, "%nROC AUC (%s): %.6f%n", split, auc));
        }
    }

    private static void earlyStopping(StringBuilder md, RunResult run) {
        ValidationReport v = run.validation();
        boolean minibatch = run.spec().training().minibatch();
        String unit = minibatch ? "epoch" : "iteration";
        int best = ValidationPoint.shown(v.bestStep(), minibatch);
        int last = ValidationPoint.shown(run.training().stepsDone(), minibatch);
        String minDelta = java.math.BigDecimal.valueOf(v.earlyStopping().minDelta()).stripTrailingZeros().toPlainString();
        md.append("\n## Early stopping\n\n");
        md.append(v.stoppedEarly() ? String.format(Locale.ROOT, "Stopped after %s %d of %d: %s did not improve by more"
                + " than %s for %d evaluations.", unit, last, run.spec().training().steps(), v.earlyStopping().monitor(),
                minDelta, v.earlyStopping().patience())
                : "Trained every " + unit + "; early stopping did not stop the run.");
        md.append(String.format(Locale.ROOT, " Best %s: %.6g after %s %d%s.%n", v.earlyStopping().monitor(), v.best(),
                unit, best, v.restoredBest() ? "; model.npz holds the parameters of that " + unit
                        : "; model.npz holds the last parameters"));
    }

    private static String regularizationText(ModelSpec spec) {
        List<String> parts = new java.util.ArrayList<>();
        List<LayerSpec> layers = spec.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            List<String> own = new java.util.ArrayList<>();
            if (l.dropout() > 0) {
                own.add("dropout " + Decimal.text(l.dropout()));
            }
            if (l.l2() > 0) {
                own.add("l2 " + Decimal.text(l.l2()));
            }
            if (l.l1() > 0) {
                own.add("l1 " + Decimal.text(l.l1()));
            }
            if (l.batchNorm()) {
                own.add("batch norm");
            }
            if (!own.isEmpty()) {
                parts.add("layer " + (i + 1) + ": " + String.join(", ", own));
            }
        }
        return String.join("; ", parts);
    }

    private static void confusion(StringBuilder md, String split, Classification m, List<String> names) {
        md.append("\n**Confusion matrix (").append(split).append(")**: rows actual, columns predicted\n\n| |");
        for (String n : names) {
            md.append(' ').append(n).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(names.size())).append('\n');
        long[][] c = m.confusionMatrix();
        for (int r = 0; r < c.length; r++) {
            md.append("| ").append(r < names.size() ? names.get(r) : Integer.toString(r)).append(" |");
            for (long v : c[r]) {
                md.append(' ').append(v).append(" |");
            }
            md.append('\n');
        }
    }

}
