package dev.strata.run;

import dev.strata.data.Split;
import dev.strata.engine.CostPoint;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Classification;
import dev.strata.eval.Metrics;
import dev.strata.registry.PluginCatalog;
import dev.strata.io.AtomicFiles;
import dev.strata.io.Charts;
import dev.strata.io.GridImage;
import dev.strata.io.ImageGrid;
import dev.strata.io.JsonFiles;
import dev.strata.io.Npz;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.Selector;
import dev.strata.spec.SpecWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes everything a run leaves behind, each file atomically (temp file, then rename): the
 * report for tools ({@code report.json}) and for people ({@code report.md}), the cost curve, the
 * mislabeled test images, and the model ({@code model.npz} + {@code config.yaml} +
 * {@code model.json}) that reloads exactly.
 */
public final class RunWriter {
    private static final int MAX_MISLABELED = 30;

    private RunWriter() {
    }

    /**
     * Extra facts for the report that the run itself does not know.
     *
     * @param jvmStartNanos {@link System#nanoTime()} when the JVM started, for the total
     * @param startupSeconds from the JVM's start to reading the data (the JVM, plugins, the spec)
     * @param loadSeconds reading and checking the data
     */
    public record Provenance(List<String> overrides, List<PluginCatalog.Provenance> plugins, long jvmStartNanos,
            double startupSeconds, double loadSeconds) {
        double totalSeconds() {
            return (System.nanoTime() - jvmStartNanos) / 1e9;
        }
    }

    /** Writes the model files only (also used for checkpoints of parameters). */
    public static void writeModel(Path dir, RunResult run) throws IOException {
        Files.createDirectories(dir);
        Npz.write(dir.resolve(RunFiles.MODEL), run.network().parameterArrays());
        AtomicFiles.writeString(dir.resolve(RunFiles.CONFIG), SpecWriter.toYaml(run.spec()));
        var normalizer = run.data().normalizer();
        ModelInfo info = new ModelInfo(ModelInfo.FORMAT, run.data().exampleShape(),
                run.spec().data().preprocessing().scale(), run.data().classNames(), run.spec().dtype().yamlName(),
                normalizer == null ? null : normalizer.shift(), normalizer == null ? null : normalizer.divisor());
        AtomicFiles.writeString(dir.resolve(RunFiles.MODEL_INFO), JsonFiles.write(info));
    }

    /** Writes the whole run folder; returns the report it wrote. */
    public static RunReport write(Path dir, RunResult run, Provenance provenance) throws IOException {
        long start = System.nanoTime();
        writeModel(dir, run);
        List<CostPoint> costs = run.training().costs();
        boolean minibatch = run.spec().training().minibatch();
        if (!costs.isEmpty()) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (CostPoint p : costs) {
                x.add(minibatch ? p.epoch() : (int) p.iteration());
                y.add(p.cost());
            }
            Charts.costCurve(x, y, run.spec().name() + ": cost (learning rate " + learningRate(run.spec()) + ")",
                    minibatch ? "epoch" : "iteration", dir.resolve(RunFiles.COST_CURVE));
        }
        boolean images = writeMislabeled(dir, run);
        RunReport report = RunReport.of(run, provenance, (System.nanoTime() - start) / 1e9);
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_JSON), JsonFiles.write(report));
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_MD), reportMarkdown(run, provenance, report.timing(),
                !costs.isEmpty(), images));
        return report;
    }

    private static String learningRate(ModelSpec spec) {
        return spec.optimizer().params().has("learning_rate") ? fmt(spec.optimizer().params().getDouble("learning_rate")) : "?";
    }

    /** The grid of misclassified test images, when the examples are RGB images. */
    private static boolean writeMislabeled(Path dir, RunResult run) throws IOException {
        Split test = run.data().test();
        int[] shape = run.data().exampleShape();
        if (test == null || !(run.test() instanceof Classification metrics) || shape.length != 3 || shape[2] != 3) {
            return false;
        }
        List<Integer> wrong = metrics.mislabeled(test.labels());
        if (wrong.isEmpty()) {
            return false;
        }
        List<String> names = run.data().classNames();
        List<GridImage> grid = new ArrayList<>();
        int width = shape[0] * shape[1] * shape[2];
        for (int i : wrong.subList(0, Math.min(MAX_MISLABELED, wrong.size()))) {
            double[] pixels = test.raw(i);
            String title = "predicted: " + names.get(metrics.predictions()[i]) + " / actual: "
                    + names.get((int) test.label(i));
            grid.add(new GridImage(pixels, shape[0], shape[1], title));
        }
        ImageGrid.write(grid, Math.min(5, grid.size()), dir.resolve(RunFiles.MISLABELED));
        return true;
    }

    static String reportMarkdown(RunResult run, Provenance provenance, RunReport.Timing timing, boolean curve,
            boolean images) {
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
        if (run.test() != null) {
            metricsRow(md, "test", run.test());
        }
        List<String> names = run.data().classNames();
        if (run.train() instanceof Classification train) {
            confusion(md, "train", train, names);
            if (run.test() instanceof Classification test) {
                confusion(md, "test", test, names);
            }
        }
        md.append("\n## Cost\n\n");
        if (!run.training().costs().isEmpty()) {
            CostPoint first = run.training().costs().get(0);
            md.append(String.format(Locale.ROOT, "From %.6f to %.6f.%n%n", first.cost(), run.training().finalCost()));
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
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? fmt(d) : e.getValue()))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static void metricsRow(StringBuilder md, String split, Metrics m) {
        md.append("| ").append(split).append(" | ").append(m.examples()).append(" |");
        m.values().forEach((name, v) -> md.append(' ').append(m instanceof Classification || "r2".equals(name)
                ? String.format(Locale.ROOT, "%.6f", v) : String.format(Locale.ROOT, "%.6g", v)).append(" |"));
        md.append('\n');
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

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
