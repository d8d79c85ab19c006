package dev.strata.benchmark;

import dev.strata.data.PreparedData;
import dev.strata.engine.Network;
import dev.strata.engine.Trainer;
import dev.strata.engine.TrainingListener;
import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.spi.NumpyRandom;
import dev.strata.run.Experiment;
import dev.strata.run.ModelBuilder;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full-batch training iteration (forward, cost, backward, update) of a spec's model on its
 * data, built exactly as {@code strata train} builds it: spec loader, plugins, data loader, model
 * builder. The parameters are reset to their initial values before every measurement iteration,
 * so each one times the same region of the cost curve. {@link #hundredIterations} times the
 * training loop itself, in the direct form and in the first layer's Gram form
 * ({@code training.input_gram}), the Gram form's one-off products included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainerStepBenchmark {
    /** Relative paths are resolved against the working directory: run from the repository root. */
    @Param({"configs/cat-deep.yaml"})
    public String config;

    @Param({"float64", "float32"})
    public String dtype;

    @Param({"never", "auto"})
    public String inputGram;

    private Trainer trainer;
    private Trainer loopTrainer;
    private INDArray x;
    private INDArray y;
    private final Map<String, INDArray> initial = new LinkedHashMap<>();
    private long updates;

    @Setup
    public void build() {
        PluginRegistry plugins = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);
        ModelSpec spec = new SpecLoader(plugins).load(Path.of(config), List.of("dtype=" + dtype));
        PreparedData data = new Experiment(plugins).loadData(spec);
        ModelBuilder builder = new ModelBuilder(plugins);
        Network network = builder.initialize(spec, data.inputSize(), new NumpyRandom(spec.seed()));
        trainer = new Trainer(network, builder.loss(spec), builder.optimizer(spec), builder.l2(spec));
        Network loopNetwork = builder.initialize(spec, data.inputSize(), new NumpyRandom(spec.seed()));
        loopTrainer = new Trainer(loopNetwork, builder.loss(spec), builder.optimizer(spec), builder.l2(spec),
                inputGram.equals("auto"));
        network.parameterMap().forEach((name, value) -> initial.put(name, value.dup('f')));
        x = data.train().x();
        y = data.train().y();
    }

    @Setup(Level.Iteration)
    public void resetParameters() {
        trainer.network().parameterMap().forEach((name, value) -> value.assign(initial.get(name)));
        loopTrainer.network().parameterMap().forEach((name, value) -> value.assign(initial.get(name)));
    }

    /** Returns the cost so the work cannot be optimised away. */
    @Benchmark
    public double step() {
        double cost = trainer.computeGradients(x, y);
        trainer.optimizer().step(++updates);
        return cost;
    }

    /** 100 full-batch iterations through {@link Trainer#trainFullBatch}, as {@code strata train} runs them. */
    @Benchmark
    public double hundredIterations() {
        return loopTrainer.trainFullBatch(x, y, 0, 100, 100, TrainingListener.NONE).finalCost();
    }
}
