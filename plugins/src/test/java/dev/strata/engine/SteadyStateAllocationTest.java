package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.random.NumpyRandom;
import dev.strata.spi.Params;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Buffers for activations, caches and gradients are allocated once per shape: a steady-state
 * iteration allocates only small per-call objects on the heap (ND4J op descriptors, pointer
 * wrappers), the same amount whatever the number of examples.
 */
class SteadyStateAllocationTest {
    private static final PluginRegistry PLUGINS = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);

    private static double bytesPerIteration(int examples, DataType dtype) {
        NumpyRandom random = new NumpyRandom(1);
        List<Network.LayerPlan> plans = List.of(plan(20, "relu"), plan(7, "relu"), plan(1, "sigmoid"));
        Network network = Network.initialize(500, plans, random, dtype);
        Trainer trainer = new Trainer(network, PLUGINS.losses().get("binary_cross_entropy").create(Params.empty()),
                PLUGINS.optimizers().get("gradient_descent").create(Params.of(java.util.Map.of("learning_rate", 0.01))),
                0.0);
        INDArray x = Nd4j.rand(dtype, 500, examples).dup('f');
        INDArray y = Nd4j.rand(dtype, 1, examples).gt(0.5).castTo(dtype).dup('f');
        trainer.trainFullBatch(x, y, 0, 100, 1000, TrainingListener.NONE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        trainer.trainFullBatch(x, y, 0, 200, 1000, TrainingListener.NONE);
        return (threads.getCurrentThreadAllocatedBytes() - before) / 200.0;
    }

    private static Network.LayerPlan plan(int units, String activation) {
        return new Network.LayerPlan(units, activation, PLUGINS.activations().get(activation).create(Params.empty()),
                PLUGINS.initializers().get("lecun_normal").create(Params.empty()));
    }

    @Test
    void anIterationAllocatesOnlySmallObjectsIndependentOfTheNumberOfExamples() {
        for (DataType dtype : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double small = bytesPerIteration(200, dtype);
            double large = bytesPerIteration(4000, dtype);
            System.out.printf("%s: %.0f bytes allocated per iteration at 200 examples, %.0f at 4000%n", dtype, small, large);
            // A float64 activation buffer alone at 4000 examples would be 20 x 4000 x 8 = 640 KB.
            assertThat(small).as("%s bytes per iteration, 200 examples", dtype).isLessThan(150_000);
            assertThat(large).as("%s bytes per iteration, 4000 examples", dtype).isLessThan(150_000);
            assertThat(large).as("%s: 4000 examples against 200", dtype).isLessThan(small * 1.5 + 8_000);
        }
    }
}
