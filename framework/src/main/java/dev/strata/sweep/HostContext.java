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
    /** Where {@link #remember} keeps decisions: the sweep folder's executor.json, or null (checking only). */
    private final java.nio.file.Path memory;

    HostContext(ToDoubleBiFunction<Trial, Integer> timer, PrintWriter console, java.nio.file.Path sweepDir) {
        this.timer = timer;
        this.console = console;
        this.memory = sweepDir == null ? null : sweepDir.resolve(EXECUTOR_FILE);
    }

    static final String EXECUTOR_FILE = "executor.json";

    /** A context for checking a sweep file: an executor may be created and closed, nothing run. */
    static ExecutorContext forChecking() {
        return new HostContext((trial, iterations) -> {
            throw new IllegalStateException("no trial is timed while a sweep file is checked");
        }, new PrintWriter(java.io.Writer.nullWriter()), null);
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
    public synchronized java.util.Optional<String> recalled(String key) {
        return java.util.Optional.ofNullable(stored().get(key));
    }

    @Override
    public synchronized void remember(String key, String value) {
        if (memory == null) {
            return;
        }
        java.util.Map<String, String> all = new java.util.TreeMap<>(stored());
        all.put(key, value);
        try {
            java.nio.file.Files.createDirectories(memory.getParent());
            dev.strata.io.AtomicFiles.writeString(memory, dev.strata.io.JsonFiles.write(all));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing " + memory + " failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, String> stored() {
        if (memory == null || !java.nio.file.Files.isRegularFile(memory)) {
            return java.util.Map.of();
        }
        try {
            return dev.strata.io.JsonFiles.read(java.nio.file.Files.readString(memory), java.util.TreeMap.class,
                    memory.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading " + memory + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void say(String line) {
        console.println(line);
        console.flush();
    }
}
