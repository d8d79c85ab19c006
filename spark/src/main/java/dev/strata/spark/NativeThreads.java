package dev.strata.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Caps ND4J's native threads in the JVM a task runs in. ND4J reads {@code OMP_NUM_THREADS} only
 * when its backend loads, and a local-mode task runs inside the driver's JVM whose environment is
 * fixed, so the cap is set through ND4J's API. Measured on nd4j-native 1.0.0-M2.1:
 * {@code Environment.setMaxThreads} does nothing (the pool size is fixed at load);
 * {@code setMaxMasterThreads}, the thread count libnd4j's parallel loops use, can be lowered but
 * not raised above that pool size; OpenBLAS's {@code blas_set_num_threads} goes either way.
 * All three are process-wide, not per task: with {@code n} task slots in one JVM the JVM uses up
 * to {@code n * threads} cores, which is the intent.
 */
final class NativeThreads {
    private static final AtomicInteger PINNED = new AtomicInteger();

    private NativeThreads() {
    }

    /** Sets the cap once per JVM (later calls with the same value cost nothing). */
    static void pin(int threads) {
        if (PINNED.getAndSet(threads) == threads) {
            return;
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** What ND4J reports: threads of libnd4j's loops, OpenBLAS threads, libnd4j's pool size. */
    static Caps current() {
        return new Caps(Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads(),
                Nd4j.getEnvironment().maxThreads());
    }

    record Caps(int loopThreads, int blasThreads, int poolThreads) {
    }
}
