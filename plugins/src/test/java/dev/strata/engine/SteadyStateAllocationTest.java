package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.random.NumpyRandom;
import dev.strata.spi.Params;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    private static double bytesPerIteration(int examples, DataType dtype, boolean inputGram) {
        NumpyRandom random = new NumpyRandom(1);
        List<Network.LayerPlan> plans = List.of(plan(20, "relu"), plan(7, "relu"), plan(1, "sigmoid"));
        Network network = Network.initialize(500, plans, random, dtype);
        Trainer trainer = new Trainer(network, PLUGINS.losses().get("binary_cross_entropy").create(Params.empty()),
                PLUGINS.optimizers().get("gradient_descent").create(Params.of(java.util.Map.of("learning_rate", 0.01))),
                0.0, inputGram);
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

    @ParameterizedTest(name = "first layer in the Gram form: {0}")
    @ValueSource(booleans = {false, true})
    void anIterationAllocatesOnlySmallObjectsIndependentOfTheNumberOfExamples(boolean inputGram) {
        // the Gram form's m x m matrix makes 4000 examples slow to train, and is allocated once per run anyway
        int large = inputGram ? 1000 : 4000;
        for (DataType dtype : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double atSmall = bytesPerIteration(200, dtype, inputGram);
            double atLarge = bytesPerIteration(large, dtype, inputGram);
            System.out.printf("%s%s: %.0f bytes allocated per iteration at 200 examples, %.0f at %d%n", dtype,
                    inputGram ? " (Gram form)" : "", atSmall, atLarge, large);
            // A float64 activation buffer alone at 1000 examples would be 20 x 1000 x 8 = 160 KB.
            assertThat(atSmall).as("%s bytes per iteration, 200 examples", dtype).isLessThan(150_000);
            assertThat(atLarge).as("%s bytes per iteration, %d examples", dtype, large).isLessThan(150_000);
            assertThat(atLarge).as("%s: %d examples against 200", dtype, large).isLessThan(atSmall * 1.5 + 8_000);
        }
    }
}
