package dev.strata.cli;

import dev.strata.engine.CostPoint;
import dev.strata.engine.TrainingListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Prints the notebooks' "Cost after iteration i: c" lines and, on a terminal, a progress bar with
 * speed and time left (on stderr, so stdout stays plain for scripts).
 */
final class ConsoleTrainingListener implements TrainingListener {
    private final PrintWriter out;
    private final boolean quiet;
    private final boolean terminal;
    private final AtomicBoolean stop;
    private ProgressBar bar;
    private String unit = "iteration";

    ConsoleTrainingListener(PrintWriter out, boolean quiet, boolean terminal, AtomicBoolean stop) {
        this.out = out;
        this.quiet = quiet;
        this.terminal = terminal;
        this.stop = stop;
    }

    @Override
    public void started(int totalSteps, String unit) {
        this.unit = unit;
        if (terminal && !quiet) {
            // The plain consumer redraws its one line with a carriage return; the interactive one
            // moves the cursor up to its remembered line and would overwrite the cost lines.
            bar = new ProgressBarBuilder().setTaskName("training").setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit + "s", 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
    }

    @Override
    public void stepped(int step) {
        if (bar != null) {
            bar.stepTo(step);
        }
    }

    @Override
    public void cost(CostPoint point) {
        if (quiet) {
            return;
        }
        long at = point.epoch() >= 0 ? point.epoch() : point.iteration();
        String line = "Cost after " + unit + " " + at + ": " + point.cost();
        if (bar != null) {
            // Clear the bar's line first; it redraws itself on its next tick.
            System.err.print("\r\033[K");
            System.err.flush();
        }
        out.println(line);
        out.flush();
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
