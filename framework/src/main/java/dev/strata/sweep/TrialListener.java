package dev.strata.sweep;

import dev.strata.engine.ValidationPoint;
import dev.strata.run.Runs;
import dev.strata.spi.ExecutorContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trial's training tells the sweep: a progress line about every
 * {@link LocalTrialRunner#PROGRESS_SECONDS} on a long trial, and its validation metric to the
 * sweep's pruner, which may stop it; under successive halving it stops at the rung's step and keeps
 * the value it had there.
 */
final class TrialListener implements Runs.Listener {
    private final String trial;
    private final ExecutorContext console;
    private final Pruner decisions;
    private final String metric;
    private final int until;
    private final Map<Integer, Double> atRung = new TreeMap<>();
    private volatile boolean stop;
    private int total;
    private String unit;
    private long said = System.nanoTime();

    /**
     * @param console where progress lines go, or {@code null}
     * @param decisions the asynchronous pruner, or {@code null}
     * @param metric the validation metric compared ({@code cost} or a metric name), or {@code null}
     * @param until successive halving's rung (0: none)
     */
    TrialListener(String trial, ExecutorContext console, Pruner decisions, String metric, int until) {
        this.trial = trial;
        this.console = console;
        this.decisions = decisions;
        this.metric = metric;
        this.until = until;
    }

    /** The value at successive halving's rung, by step, once the trial reached it. */
    Map<Integer, Double> atRung() {
        return atRung;
    }

    @Override
    public void started(int totalSteps, String stepUnit) {
        total = totalSteps;
        unit = stepUnit;
    }

    @Override
    public void stepped(int step) {
        long now = System.nanoTime();
        if (console != null && now - said > LocalTrialRunner.PROGRESS_SECONDS * 1_000_000_000L && step < total) {
            said = now;
            console.say(String.format(Locale.ROOT, "      %s: %s %d of %d", trial, unit, step, total));
        }
    }

    @Override
    public void validated(ValidationPoint point) {
        if (decisions == null && until == 0) {
            return;
        }
        Double value = metric.equals("cost") ? point.cost() : point.metrics().get(metric);
        double v = value == null ? Double.NaN : value;
        if (decisions != null) {
            stop = decisions.report(trial, point.step(), v);
        } else if (point.step() >= until) {
            atRung.put(until, v);
            stop = true;
        }
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }
}
