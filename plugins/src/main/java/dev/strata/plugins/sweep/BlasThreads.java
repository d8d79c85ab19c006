package dev.strata.plugins.sweep;

import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenBLAS's thread count. It is one setting for the whole process: every trial running in this
 * JVM shares it, which is why the local executor picks it together with the number of trials.
 */
final class BlasThreads {
    private BlasThreads() {
    }

    static int get() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    static void set(int threads) {
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
