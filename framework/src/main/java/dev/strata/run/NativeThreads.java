package dev.strata.run;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings of the native math libraries. ND4J starts OpenBLAS with as many threads as its
 * own OpenMP pool ({@code OMP_NUM_THREADS}); Strata keeps the OpenMP pool at one thread (its
 * busy-waiting workers fought OpenBLAS for the cores in measurements) and sets the BLAS threads
 * explicitly, where the large products benefit from them.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** The default: one BLAS thread per available core. */
    public static int defaultBlasThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets the BLAS threads of this process (shared by everything running in it). */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be at least 1, got " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    public static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
