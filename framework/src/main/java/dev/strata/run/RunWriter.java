package dev.strata.run;

import dev.strata.data.Split;
import dev.strata.engine.CostPoint;
import dev.strata.engine.ValidationPoint;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Classification;
import dev.strata.eval.Metrics;
import dev.strata.registry.PluginCatalog;
import dev.strata.io.AtomicFiles;
import dev.strata.io.Charts;
import dev.strata.io.Decimal;
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
                normalizer == null ? null : normalizer.shift(), normalizer == null ? null : normalizer.divisor(),
                run.data().featureNames());
        AtomicFiles.writeString(dir.resolve(RunFiles.MODEL_INFO), JsonFiles.write(info));
    }

    /** Writes the whole run folder; returns the report it wrote. */
    public static RunReport write(Path dir, RunResult run, Provenance provenance) throws IOException {
        long start = System.nanoTime();
        writeModel(dir, run);
        List<CostPoint> costs = run.training().costs();
        if (!costs.isEmpty()) {
            writeCurves(dir, run);
        }
        boolean confusion = writeConfusion(dir, run);
        boolean images = writeMislabeled(dir, run);
        RunReport report = RunReport.of(run, provenance, (System.nanoTime() - start) / 1e9);
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_JSON), JsonFiles.write(report));
        AtomicFiles.writeString(dir.resolve(RunFiles.REPORT_MD), ReportMarkdown.of(run, provenance, report.timing(),
                !costs.isEmpty(), images, confusion));
        return report;
    }

    /** The cost curve, with the validation cost and headline metric when there is validation data. */
    private static void writeCurves(Path dir, RunResult run) throws IOException {
        boolean minibatch = run.spec().training().minibatch();
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> vx = null;
        List<Double> vc = new ArrayList<>();
        List<Double> vm = new ArrayList<>();
        String metric = run.train().names().get(0);
        if (run.validation() != null && !run.validation().history().isEmpty()) {
            // the validation points carry every evaluated epoch's training cost: a finer curve, on the same steps
            for (var p : run.validation().history()) {
                x.add(ValidationPoint.shown(p.step(), minibatch));
                y.add(p.trainCost());
                vc.add(p.cost());
                vm.add(p.metrics().get(metric));
            }
            vx = x;
        } else {
            for (CostPoint p : run.training().costs()) {
                x.add(minibatch ? p.epoch() : (int) p.iteration());
                y.add(p.cost());
            }
        }
        Charts.trainingCurves(run.spec().name() + ": cost (learning rate " + learningRate(run.spec()) + ")",
                minibatch ? "epoch" : "iteration", x, y, vx, vc, metric, vm, dir.resolve(RunFiles.COST_CURVE));
    }

    /** A confusion-matrix chart for more than two classes: of the test split, else the validation or training one. */
    private static boolean writeConfusion(Path dir, RunResult run) throws IOException {
        Metrics m = run.test() != null ? run.test() : run.validation() != null ? run.validation().metrics() : run.train();
        if (!(m instanceof Classification c) || c.classes() <= 2) {
            return false;
        }
        String split = run.test() != null ? "test" : run.validation() != null ? "validation" : "train";
        Charts.confusion(run.spec().name() + ": confusion matrix (" + split + ")", run.data().classNames(),
                c.confusionMatrix(), dir.resolve(RunFiles.CONFUSION));
        return true;
    }

    static String learningRate(ModelSpec spec) {
        return spec.optimizer().params().has("learning_rate") ? Decimal.text(spec.optimizer().params().getDouble("learning_rate")) : "?";
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
}
