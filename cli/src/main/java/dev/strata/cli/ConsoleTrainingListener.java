package dev.strata.cli;

import dev.strata.engine.CostPoint;
import dev.strata.engine.ValidationPoint;
import java.util.Map;
import dev.strata.engine.TrainingListener;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints the notebooks' "Cost after iteration i: c" lines and, when stderr is a terminal, one
 * progress line on stderr (so stdout stays plain for scripts), redrawn in place at most four times
 * a second: percentage, steps, elapsed and remaining time, speed. It is drawn with a carriage
 * return only, without a terminal library: one that took over the terminal (JLine, under the
 * progress-bar library this replaces) reset SIGINT to its default, so Ctrl-C killed the JVM before
 * it could save a checkpoint.
 */
final class ConsoleTrainingListener implements TrainingListener {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean quiet;
    private final PrintStream bar;
    private final AtomicBoolean stop;
    private String unit = "iteration";
    private int total;
    private int first = -1;
    private long started;
    private long drawn;
    private boolean showing;

    /**
     * @param progress where the progress line goes (stderr on a terminal), or {@code null} for none
     */
    ConsoleTrainingListener(PrintWriter out, boolean quiet, PrintStream progress, AtomicBoolean stop) {
        this.out = out;
        this.quiet = quiet;
        this.bar = quiet ? null : progress;
        this.stop = stop;
    }

    private int lastCostEpoch = -1;
    private ValidationPoint pending;

    @Override
    public void started(int totalSteps, String unit) {
        this.unit = unit;
        this.total = totalSteps;
        this.started = System.nanoTime();
    }

    @Override
    public void stepped(int step) {
        // full batch: an evaluation after `step` updates waits for the cost line of the same iteration
        if (pending != null && !"epoch".equals(unit) && (step > pending.step() || step == total)) {
            printValidation(pending);
            pending = null;
        }
        if (bar == null) {
            return;
        }
        if (first < 0) {
            first = step - 1;
        }
        long now = System.nanoTime();
        if (now - drawn >= REDRAW_NANOS || step == total) {
            drawn = now;
            bar.print("\r\033[K" + line(step, now));
            bar.flush();
            showing = true;
        }
    }

    private String line(int step, long now) {
        double elapsed = (now - started) / 1e9;
        double rate = step > first && elapsed > 0 ? (step - first) / elapsed : 0;
        double left = rate > 0 ? (total - step) / rate : Double.NaN;
        return String.format(Locale.ROOT, "training %3d%% %d/%d %ss, %s elapsed, %s left, %s %ss/s",
                total == 0 ? 100 : (int) (100L * step / total), step, total, unit, clock(elapsed), clock(left),
                Numbers.rate(rate), unit);
    }

    private static String clock(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void validated(ValidationPoint point) {
        // minibatch: under the epoch's cost line (printed later when early stopping records it); full
        // batch: under the cost line of the iteration after those updates (print_every), or at once
        if (quiet) {
            return;
        }
        if (!"epoch".equals(unit) || point.step() - 1 != lastCostEpoch) {
            pending = point;
            return;
        }
        printValidation(point);
    }

    private void printValidation(ValidationPoint point) {
        Map.Entry<String, Double> headline = point.metrics().entrySet().iterator().next();
        clearLine();
        out.println("  validation after " + unit + " " + ValidationPoint.shown(point.step(), "epoch".equals(unit))
                + ": cost " + Numbers.cost(point.cost()) + ", " + headline.getKey() + " "
                + Numbers.cost(headline.getValue()));
        out.flush();
    }

    @Override
    public void cost(CostPoint point) {
        if (quiet) {
            return;
        }
        lastCostEpoch = point.epoch();
        long at = point.epoch() >= 0 ? point.epoch() : point.iteration();
        clearLine();
        out.println("Cost after " + unit + " " + at + ": " + Numbers.cost(point.cost()));
        out.flush();
        boolean sameStep = pending != null && ("epoch".equals(unit) ? pending.step() - 1 == point.epoch()
                : pending.step() == point.iteration());
        if (sameStep) {
            printValidation(pending);
        }
        if (sameStep || "epoch".equals(unit)) {
            pending = null;
        }
    }

    private void clearLine() {
        if (showing) {
            bar.print("\r\033[K");
            bar.flush();
            showing = false;
            drawn = 0;
        }
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    void close() {
        if (bar != null) {
            clearLine();
        }
        // an evaluation that no cost line followed (a full-batch run that stopped early)
        if (pending != null) {
            printValidation(pending);
            pending = null;
        }
    }
}
