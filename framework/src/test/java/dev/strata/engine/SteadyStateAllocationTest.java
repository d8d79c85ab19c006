package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Buffers for activations, gradients and optimizer state are allocated once per batch width: a
 * steady-state update allocates at most a few small objects, the same whatever the number of
 * examples, full batch and minibatch alike.
 *
 * <p>The cases run two at a time: each counts only its own thread's allocations.
 */
@Execution(ExecutionMode.CONCURRENT)
class SteadyStateAllocationTest {
    private static final PluginRegistry PLUGINS = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);

    private record Setup(Trainer trainer, Batches batches) {
    }

    private static Setup setup(int examples, Precision precision, String optimizer, boolean inputGram, int batchSize) {
        return setup(examples, precision, optimizer, inputGram, batchSize, false);
    }

    /** @param regularized dropout, batch normalisation, layer penalties and a cosine schedule too */
    private static Setup setup(int examples, Precision precision, String optimizer, boolean inputGram, int batchSize,
            boolean regularized) {
        NumpyRandom random = new NumpyRandom(1);
        List<Network.LayerPlan> plans = List.of(plan(20, "relu", regularized), plan(7, "relu", regularized),
                plan(1, "sigmoid", false));
        Network network = Network.initialize(500, plans, random, precision);
        OptimizerFactory rules = PLUGINS.get(OptimizerFactory.class, optimizer);
        Optimizer rule = rules.create(Params.defaults(rules.parameters()));
        RateSchedule schedule = regularized ? new RateSchedule(PLUGINS.get(dev.strata.spi.ScheduleFactory.class,
                "cosine").create(Params.of(java.util.Map.of("alpha", 0.1))), "cosine", 0.01, 5, 250)
                : RateSchedule.constant(0.01);
        Regularization penalties = regularized ? new Regularization(0.1, new double[] {0.2, 0, 0},
                new double[] {0, 0.1, 0}, new double[] {0.2, 0.1, 0}, random) : Regularization.lossL2(0, 3);
        Trainer trainer = new Trainer(network, PLUGINS.get(LossFactory.class, "binary_cross_entropy").create(Params.empty()),
                true, rule, schedule, penalties, inputGram ? Trainer.FirstLayerChoice.GRAM
                        : Trainer.FirstLayerChoice.DIRECT);
        double[] y = new double[examples];
        for (int i = 0; i < examples; i++) {
            y[i] = random.nextDouble() < 0.5 ? 1 : 0;
        }
        NumpyRandom values = new NumpyRandom(2);
        double[] features = new double[500 * examples];
        for (int k = 0; k < features.length; k++) {
            features[k] = values.nextDouble();
        }
        Inputs inputs = new Inputs(Features.ofDoubles(features, 500, 1.0), y, 1);
        Batches batches = batchSize >= examples ? Batches.fullBatch(inputs, precision)
                : Batches.minibatches(inputs, precision, batchSize, true, new NumpyRandom(3));
        return new Setup(trainer, batches);
    }

    /** Bytes allocated per update once warm (50 epochs), over whole epochs of at least 200 updates. */
    private static double bytesPerUpdate(Setup s) {
        s.trainer().train(s.batches(), 0, 50, 1000, TrainingListener.NONE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long updates = s.trainer().updates();
        int epochs = (int) Math.ceil(200.0 / s.batches().count());
        long before = threads.getCurrentThreadAllocatedBytes();
        s.trainer().train(s.batches(), 50, 50 + epochs, 1000, TrainingListener.NONE);
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) (s.trainer().updates() - updates);
    }

    /**
     * The larger data set: 4000 examples for minibatches (more batches per epoch), 1000 for a full batch, whose 200
     * measured updates each cost the whole set (the Gram form's m x m matrix more still). Either is far beyond the
     * bound: one float64 activation buffer of 20 units x 1000 examples alone would be 160 KB.
     */
    private static int largeSize(int batchSize, boolean inputGram) {
        return inputGram || batchSize >= 4000 ? 1000 : 4000;
    }

    private static Network.LayerPlan plan(int units, String activation, boolean batchNorm) {
        return new Network.LayerPlan(units, activation, PLUGINS.get(ActivationFactory.class, activation)
                .create(Params.empty()), PLUGINS.get(InitializerFactory.class, "lecun_normal").create(Params.empty()),
                batchNorm);
    }

    @ParameterizedTest(name = "{0}, batches of {1}, with dropout, batch norm, penalties and a schedule")
    @CsvSource({"adam, 64", "momentum, 100000"})
    void dropoutBatchNormPenaltiesAndSchedulesAllocateNothingPerUpdateEither(String optimizer, int batchSize) {
        int large = largeSize(batchSize, false);
        for (Precision precision : Precision.values()) {
            double atSmall = bytesPerUpdate(setup(200, precision, optimizer, false, batchSize, true));
            double atLarge = bytesPerUpdate(setup(large, precision, optimizer, false, batchSize, true));
            System.out.printf("%s, %s, batches of %d, regularised: %.0f bytes allocated per update at 200 examples,"
                    + " %.0f at %d%n", precision, optimizer, Math.min(batchSize, 200), atSmall, atLarge, large);
            assertThat(atSmall).as("%s bytes per update, 200 examples", precision).isLessThan(1_000);
            assertThat(atLarge).as("%s bytes per update, %d examples", precision, large).isLessThan(1_000);
        }
    }

    @ParameterizedTest(name = "{0}, batches of {1}, Gram form {2}")
    @CsvSource({"gradient_descent, 100000, false", "gradient_descent, 100000, true", "adam, 100000, false",
        "adam, 64, false", "momentum, 32, false"})
    void anUpdateAllocatesOnlyAFewSmallObjectsWhateverTheNumberOfExamples(String optimizer, int batchSize,
            boolean inputGram) {
        int large = largeSize(batchSize, inputGram);
        for (Precision precision : Precision.values()) {
            double atSmall = bytesPerUpdate(setup(200, precision, optimizer, inputGram, batchSize));
            double atLarge = bytesPerUpdate(setup(large, precision, optimizer, inputGram, batchSize));
            System.out.printf("%s, %s, batches of %d%s: %.0f bytes allocated per update at 200 examples, %.0f at %d%n",
                    precision, optimizer, Math.min(batchSize, 200), inputGram ? " (Gram form)" : "", atSmall, atLarge,
                    large);
            // One float64 activation buffer of 20 units × 200 examples alone would be 32 KB.
            assertThat(atSmall).as("%s bytes per update, 200 examples", precision).isLessThan(1_000);
            assertThat(atLarge).as("%s bytes per update, %d examples", precision, large).isLessThan(1_000);
        }
    }
}
