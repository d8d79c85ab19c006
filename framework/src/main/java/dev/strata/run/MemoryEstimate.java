package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * What a run will allocate, estimated from the spec and the data's shape before anything is
 * allocated, so that a model too large for the machine is refused with numbers and a fix instead
 * of failing with {@code OutOfMemoryError} (or an overflowing array size) mid-run. Java arrays count
 * against the heap ({@code -Xmx}); the native arrays BLAS reads (weights, gradients, activations)
 * against the machine's memory. The estimate counts the big arrays and errs high by a little.
 */
final class MemoryEstimate {
    /** The Gram form's m × m matrix is limited separately (it is only used where it fits). */
    private static final long HEAP_HEADROOM = 64L << 20;

    private MemoryEstimate() {
    }

    /** Refuses a run whose arrays would not fit; {@code optimizerStates} per parameter value. */
    static void check(ModelSpec spec, PreparedData data, int optimizerStates) {
        List<LayerSpec> layers = spec.model().layers();
        int bytes = spec.dtype().precision().bytes();
        long width = spec.training().minibatch() ? Math.min(spec.training().batchSize(), data.train().count())
                : data.train().count();
        width = Math.max(width, Math.min(4096, data.train().count()));
        double weights = 0;
        double activations = 0;
        long fanIn = data.inputSize();
        String largest = null;
        double largestWeights = 0;
        for (int l = 0; l < layers.size(); l++) {
            double w = (double) layers.get(l).units() * fanIn;
            if (w > largestWeights) {
                largestWeights = w;
                largest = "model.layers[" + l + "] (" + fanIn + " × " + layers.get(l).units() + " weights)";
            }
            weights += w + layers.get(l).units();
            activations += (double) layers.get(l).units() * width;
            fanIn = layers.get(l).units();
        }
        // Java: values, gradient and the optimizer's state per weight; z, a, dA per activation
        double heap = weights * 8 * (2 + optimizerStates) + activations * 8 * 3;
        // native: the weights' mirror and gradient; z, a, d per activation; the batch's inputs
        double nativeBytes = weights * bytes * 2 + activations * bytes * 3 + (double) width * data.inputSize() * bytes;
        long maxHeap = Runtime.getRuntime().maxMemory() - HEAP_HEADROOM;
        long machine = machineBytes();
        if (heap > maxHeap || machine > 0 && heap + nativeBytes > machine) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s: the model needs about %s of Java heap and %s of native memory for its %s weights and"
                            + " %s activations per batch (the largest layer is %s), but the heap is %s and the"
                            + " machine has %s", spec.source().locate("model.layers"), size(heap), size(nativeBytes),
                    count(weights), count(activations), largest, size(maxHeap), machine > 0 ? size(machine) : "?"),
                    "use fewer units or a smaller batch_size, or give Java more heap (STRATA_JAVA_OPTS=-Xmx8g) on a"
                            + " machine with the memory");
        }
    }

    private static long machineBytes() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }

    static String size(double bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1L << 20)));
    }

    private static String count(double n) {
        return n >= 1e9 ? String.format(Locale.ROOT, "%.1f billion", n / 1e9)
                : n >= 1e6 ? String.format(Locale.ROOT, "%.1f million", n / 1e6) : String.format(Locale.ROOT, "%.0f", n);
    }
}
