package dev.strata.run;

import dev.strata.data.Split;
import dev.strata.engine.EpochHook;
import dev.strata.engine.Inference;
import dev.strata.engine.Trainer;
import dev.strata.engine.TrainingListener;
import dev.strata.engine.ValidationPoint;
import dev.strata.eval.Metrics;
import dev.strata.io.NumpyArray;
import dev.strata.spec.EarlyStopping;
import dev.strata.spi.Loss;
import dev.strata.spi.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the validation data every {@code validate_every} steps and at the last one, and decides
 * early stopping: the monitored figure must improve on the best so far by more than
 * {@code min_delta} within {@code patience} evaluations. Keeps the best evaluation's parameters when
 * asked to restore them. Its whole state goes into checkpoints, so a resumed run decides as an
 * uninterrupted one. {@code validation.cost} is the loss on the validation examples, without weight
 * penalties.
 */
final class ValidationMonitor implements EpochHook {
    private static final String SCALARS = "scalars";
    private static final String HISTORY = "history";
    private static final String BEST = "best.";

    private final Trainer trainer;
    private final Split validation;
    private final Loss loss;
    private final double threshold;
    private final boolean valueLabels;
    private final int every;
    private final int total;
    private final EarlyStopping stopping;
    private final TrainingListener listener;
    private final double[] targets;
    /** The validation pass, its buffers kept from epoch to epoch. */
    private Inference inference;
    private final List<ValidationPoint> history = new ArrayList<>();
    private double best = Double.NaN;
    private int bestStep = -1;
    private int wait;
    private Map<String, NumpyArray> bestParameters = Map.of();

    ValidationMonitor(Trainer trainer, Split validation, Loss loss, double threshold, boolean valueLabels, int every,
            int total, EarlyStopping stopping, TrainingListener listener) {
        this.listener = listener;
        this.trainer = trainer;
        this.validation = validation;
        this.loss = loss;
        this.threshold = threshold;
        this.valueLabels = valueLabels;
        this.every = every;
        this.total = total;
        this.stopping = stopping;
        this.targets = validation.inputs().targets();
    }

    @Override
    public boolean afterEpoch(int done, double cost, double metric) {
        if (done % every != 0 && done != total) {
            return false;
        }
        trainer.formParameters();
        if (inference == null) {
            inference = new Inference(trainer.network());
        }
        double[] outputs = inference.outputs(validation.inputs());
        int units = trainer.network().outputUnits();
        double validationCost = cost(loss, outputs, units, validation, targets);
        Metrics metrics = Metrics.of(outputs, units, validation.labels(), threshold, valueLabels);
        ValidationPoint point = new ValidationPoint(done, trainer.updates(), cost, metric, validationCost,
                metrics.values());
        history.add(point);
        boolean stop = stopping != null && decide(point);
        listener.validated(point);
        return stop;
    }

    /**
     * {@code validation.cost}: the loss of {@code outputs} ({@code units} × examples, column order)
     * against the validation {@code targets}, without weight penalties.
     */
    static double cost(Loss loss, double[] outputs, int units, Split validation, double[] targets) {
        int m = validation.count();
        return loss.cost(new Matrix(units, m, outputs), new Matrix(targets.length / m, m, targets));
    }

    private boolean decide(ValidationPoint point) {
        String name = stopping.monitor().substring("validation.".length());
        double value = name.equals("cost") ? point.cost() : point.metrics().get(name);
        boolean better = Double.isNaN(best) || (stopping.minimize() ? value < best - stopping.minDelta()
                : value > best + stopping.minDelta());
        if (better) {
            best = value;
            bestStep = point.step();
            wait = 0;
            if (stopping.restoreBest()) {
                bestParameters = trainer.network().parameterArrays();
            }
            return false;
        }
        wait++;
        return wait >= stopping.patience();
    }

    List<ValidationPoint> history() {
        return List.copyOf(history);
    }

    /** The step whose parameters were best, or −1 without early stopping. */
    int bestStep() {
        return bestStep;
    }

    double best() {
        return best;
    }

    /** The best evaluation's parameters, when early stopping keeps them (else empty). */
    Map<String, NumpyArray> bestParameters() {
        return bestParameters;
    }

    /** Everything needed to continue deciding exactly, for a checkpoint. */
    Map<String, NumpyArray> state() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        out.put(SCALARS, NumpyArray.vector(best, bestStep, wait));
        List<String> names = history.isEmpty() ? List.of() : List.copyOf(history.get(0).metrics().keySet());
        int columns = 5 + names.size();
        double[] rows = new double[history.size() * columns];
        for (int i = 0; i < history.size(); i++) {
            ValidationPoint p = history.get(i);
            int at = i * columns;
            rows[at] = p.step();
            rows[at + 1] = p.updates();
            rows[at + 2] = p.trainCost();
            rows[at + 3] = p.trainMetric();
            rows[at + 4] = p.cost();
            for (int k = 0; k < names.size(); k++) {
                rows[at + 5 + k] = p.metrics().get(names.get(k));
            }
        }
        out.put(HISTORY, NumpyArray.matrix(history.size(), columns, rows));
        bestParameters.forEach((k, v) -> out.put(BEST + k, v));
        return out;
    }

    /** Continues from {@link #state()}; the metric names are this run's (the checkpoint fits the spec). */
    void restore(Map<String, NumpyArray> state) {
        if (!state.containsKey(SCALARS) || !state.containsKey(HISTORY)) {
            return;
        }
        double[] s = state.get(SCALARS).values();
        best = s[0];
        bestStep = (int) s[1];
        wait = (int) s[2];
        NumpyArray h = state.get(HISTORY);
        List<String> names = valueLabels ? dev.strata.eval.Regression.NAMES : dev.strata.eval.Classification.NAMES;
        history.clear();
        for (int r = 0; r < h.dim(0); r++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int k = 0; k < names.size() && 5 + k < h.dim(1); k++) {
                metrics.put(names.get(k), h.get(r, 5 + k));
            }
            history.add(new ValidationPoint((int) h.get(r, 0), (long) h.get(r, 1), h.get(r, 2), h.get(r, 3),
                    h.get(r, 4), metrics));
        }
        Map<String, NumpyArray> params = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith(BEST)) {
                params.put(k.substring(BEST.length()), v);
            }
        });
        bestParameters = params;
    }
}
