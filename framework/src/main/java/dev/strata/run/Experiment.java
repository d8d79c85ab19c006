package dev.strata.run;

import dev.strata.data.DataLoader;
import dev.strata.data.PreparedData;
import dev.strata.data.Split;
import dev.strata.engine.Network;
import dev.strata.engine.Trainer;
import dev.strata.engine.TrainingListener;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Metrics;
import dev.strata.plugin.PluginRegistry;
import dev.strata.random.NumpyRandom;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TrainingSpec;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Loads a spec's data, builds its model, trains it and evaluates it: one run. */
public final class Experiment {
    private final PluginRegistry plugins;

    @Inject
    public Experiment(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    public PreparedData loadData(ModelSpec spec) {
        return new DataLoader(plugins).load(spec);
    }

    public RunResult run(ModelSpec spec, TrainingListener listener) {
        return run(spec, loadData(spec), listener);
    }

    /**
     * Trains on already loaded data. The random stream is seeded once with the spec's seed and
     * drawn from in a fixed order: initial weights layer by layer, then minibatch shuffles.
     */
    public RunResult run(ModelSpec spec, PreparedData data, TrainingListener listener) {
        ModelBuilder builder = new ModelBuilder(plugins);
        NumpyRandom random = new NumpyRandom(spec.seed());
        Network network = builder.initialize(spec, data.inputSize(), random);
        Trainer trainer = new Trainer(network, builder.loss(spec), builder.optimizer(spec), builder.l2(spec));
        TrainingSpec t = spec.training();
        Split train = data.train();
        TrainingResult result = t.minibatch()
                ? trainer.trainMinibatch(train.x(), train.y(), 0, t.epochs(), t.batchSize(), t.shuffle(), random,
                        t.printEvery(), listener)
                : trainer.trainFullBatch(train.x(), train.y(), 0, t.iterations(), t.printEvery(), listener);
        return evaluate(spec, data, network, result);
    }

    /** Metrics of {@code network} on both splits of {@code data}. */
    public static RunResult evaluate(ModelSpec spec, PreparedData data, Network network, TrainingResult training) {
        double threshold = spec.evaluation().threshold();
        Metrics trainMetrics = Metrics.of(network.predictProbabilities(data.train().x()), data.train().raw().labels(), threshold);
        Metrics testMetrics = null;
        INDArray testOutput = null;
        if (data.test() != null) {
            testOutput = network.predictProbabilities(data.test().x());
            testMetrics = Metrics.of(testOutput, data.test().raw().labels(), threshold);
        }
        return new RunResult(spec, data, network, training, trainMetrics, testMetrics, testOutput);
    }
}
