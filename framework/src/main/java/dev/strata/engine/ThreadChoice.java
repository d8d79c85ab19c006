package dev.strata.engine;

import java.lang.management.ManagementFactory;

/**
 * The BLAS threads of a run when the command line does not say: by the run's largest product and
 * by how busy the machine is. OpenBLAS's threads spin while they wait for work, so on a machine
 * whose cores are taken by other programs a second thread costs more than it brings (the cat
 * models trained 4-8x slower with two threads on a loaded 2-core machine), and a product of fewer
 * than about 32 million multiply-adds is over before a second thread has helped.
 */
public final class ThreadChoice {
    /** Below this many multiply-adds per product, one thread (measured: splitting smaller products does not pay). */
    static final long SHARED_PRODUCT = 1L << 25;

    private ThreadChoice() {
    }

    /**
     * @param largestProduct the multiply-adds of the run's largest per-step product
     * @param cores the processors this JVM may use
     * @param loadAverage the system load average over the last minute (runnable threads), negative if unknown
     */
    public static int choose(long largestProduct, int cores, double loadAverage) {
        if (cores <= 1 || largestProduct < SHARED_PRODUCT) {
            return 1;
        }
        // cores not taken by other programs; this JVM itself adds about one to the load while it starts
        double free = loadAverage < 0 ? cores : cores - Math.max(0, loadAverage - 1);
        return (int) Math.max(1, Math.min(cores, Math.floor(free + 0.25)));
    }

    /**
     * {@link #choose} for {@code network} trained in batches of {@code batch} on this machine, now;
     * {@code inputGram}: the first layer's step is then one units × batch × batch product.
     */
    public static int forRun(Network network, int batch, boolean inputGram) {
        return choose(largestProduct(network, batch, inputGram), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The multiply-adds of the largest per-step product of {@code network} on batches of {@code batch}. */
    static long largestProduct(Network network, int batch, boolean inputGram) {
        long largest = 0;
        int fanIn = network.inputSize();
        boolean first = true;
        for (Layer layer : network.layers()) {
            largest = Math.max(largest, (long) layer.units() * (inputGram && first ? batch : fanIn) * batch);
            fanIn = layer.units();
            first = false;
        }
        return largest;
    }
}
