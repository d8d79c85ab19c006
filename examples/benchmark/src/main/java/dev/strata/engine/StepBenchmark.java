package dev.strata.engine;

import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.LossFactory;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of shuffled minibatch training through the engine's one loop ({@link Trainer}), on
 * random data of the general benchmark's shapes: {@code small} is 64-64-32-10 softmax with batches
 * of 32 (625 updates an epoch over 20,000 examples), {@code cat} the cat model 12288-20-7-5-1 with
 * batches of 64 (4 updates over 209). Adam, one BLAS thread. Divide by the updates for the time
 * of one step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBenchmark {
    @Param({"small", "cat"})
    public String model;

    @Param({"float64", "float32"})
    public String dtype;

    private Trainer trainer;
    private Batches batches;
    private int epoch;

    @Setup
    public void setUp() {
        Blas.setThreads(1);
        PluginRegistry plugins = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);
        boolean small = model.equals("small");
        int inputs = small ? 64 : 12288;
        int examples = small ? 20000 : 209;
        int[] units = small ? new int[] {64, 32, 10} : new int[] {20, 7, 5, 1};
        Precision precision = dtype.equals("float64") ? Precision.FLOAT64 : Precision.FLOAT32;
        NumpyRandom random = new NumpyRandom(1);
        List<Network.LayerPlan> plans = new ArrayList<>();
        for (int l = 0; l < units.length; l++) {
            boolean last = l == units.length - 1;
            String activation = last ? (small ? "softmax" : "sigmoid") : "relu";
            plans.add(new Network.LayerPlan(units[l], activation,
                    plugins.get(ActivationFactory.class, activation).create(Params.empty()),
                    plugins.get(InitializerFactory.class, "he_normal").create(Params.empty())));
        }
        Network network = Network.initialize(inputs, plans, random, precision);
        OptimizerFactory rules = plugins.get(OptimizerFactory.class, "adam");
        Optimizer adam = rules.create(Params.defaults(rules.parameters()));
        String loss = small ? "categorical_cross_entropy" : "binary_cross_entropy";
        trainer = new Trainer(network, plugins.get(LossFactory.class, loss).create(Params.empty()), true, adam, 1e-4,
                0, Trainer.FirstLayerChoice.DIRECT);
        double[] x = new double[inputs * examples];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        int outputs = units[units.length - 1];
        double[] y = new double[outputs * examples];
        for (int j = 0; j < examples; j++) {
            y[j * outputs + (outputs == 1 ? 0 : j % outputs)] = outputs == 1 ? j % 2 : 1;
        }
        batches = Batches.minibatches(new Inputs(Features.ofDoubles(x, inputs, 1.0), y, outputs), precision,
                small ? 32 : 64, true, random);
    }

    @Benchmark
    public TrainingResult epoch() {
        TrainingResult result = trainer.train(batches, epoch, epoch + 1, Integer.MAX_VALUE, TrainingListener.NONE);
        epoch++;
        return result;
    }
}
