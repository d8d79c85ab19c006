package dev.strata.sweep;

import dev.strata.engine.Blas;
import dev.strata.spi.ExecutorContext;
import dev.strata.spi.Trial;
import java.io.PrintWriter;
import java.util.function.ToDoubleBiFunction;

/** The engine's side of {@link ExecutorContext}: cores, BLAS threads, timing a trial, the console. */
final class HostContext implements ExecutorContext {
    private final ToDoubleBiFunction<Trial, Integer> timer;
    private final PrintWriter console;

    HostContext(ToDoubleBiFunction<Trial, Integer> timer, PrintWriter console) {
        this.timer = timer;
        this.console = console;
    }

    /** A context for checking a sweep file: an executor may be created and closed, nothing run. */
    static ExecutorContext forChecking() {
        return new HostContext((trial, iterations) -> {
            throw new IllegalStateException("no trial is timed while a sweep file is checked");
        }, new PrintWriter(java.io.Writer.nullWriter()));
    }

    @Override
    public int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public int blasThreads() {
        return Blas.threads();
    }

    @Override
    public void setBlasThreads(int threads) {
        Blas.setThreads(threads);
    }

    @Override
    public double secondsFor(Trial trial, int iterations) {
        return timer.applyAsDouble(trial, iterations);
    }

    @Override
    public synchronized void say(String line) {
        console.println(line);
        console.flush();
    }
}
