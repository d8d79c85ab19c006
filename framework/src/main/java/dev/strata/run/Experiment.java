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
import dev.strata.engine.CostPoint;
import dev.strata.spi.BadInputException;
import dev.strata.spi.Optimizer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return run(spec, data, listener, null, null);
    }

    /**
     * Trains, writing a checkpoint to {@code checkpointDir} every {@code training.checkpoint_every}
     * steps and when a stop is requested, and continuing from {@code resume} when given. A resumed
     * run ends with exactly the parameters and costs of an uninterrupted one.
     *
     * @param checkpointDir where checkpoints go, or {@code null} for none
     * @param resume the checkpoint to continue from, or {@code null} to start afresh
     */
    public RunResult run(ModelSpec spec, PreparedData data, TrainingListener listener, Path checkpointDir,
            Checkpoint resume) {
        ModelBuilder builder = new ModelBuilder(plugins);
        NumpyRandom random = new NumpyRandom(spec.seed());
        Network network = builder.initialize(spec, data.inputSize(), random);
        TrainingSpec t = spec.training();
        Optimizer optimizer = builder.optimizer(spec);
        double l2 = builder.l2(spec);
        boolean gram = t.inputGram() && !t.minibatch() && Trainer.inputGramAllowed(optimizer, l2)
                && Trainer.inputGramPays(network, data.train().x().columns(), t.iterations());
        Trainer trainer = new Trainer(network, builder.loss(spec), optimizer, l2, gram);
        int from = 0;
        List<CostPoint> history = new ArrayList<>();
        if (resume != null) {
            Map<String, INDArray> live = network.parameterMap();
            if (!live.keySet().equals(resume.parameters().keySet())) {
                throw new BadInputException("the checkpoint holds parameters " + resume.parameters().keySet()
                        + " but the spec's model has " + live.keySet(), "resume with the spec the run started with");
            }
            live.forEach((name, array) -> array.assign(resume.parameters().get(name)));
            trainer.optimizer().restore(resume.optimizerState());
            trainer.restoreEngineState(resume.engineState());
            trainer.resumeAt(resume.updates());
            random.restore(resume.random());
            from = resume.stepsDone();
            history.addAll(resume.costs());
        }
        CheckpointingListener checkpointing = new CheckpointingListener(listener, trainer, random, checkpointDir,
                t.checkpointEvery(), history);
        Split train = data.train();
        int total = t.minibatch() ? t.epochs() : t.iterations();
        TrainingResult result = from >= total
                ? new TrainingResult(List.of(), from, trainer.updates(), 0, false, gram)
                : t.minibatch()
                        ? trainer.trainMinibatch(train.x(), train.y(), from, t.epochs(), t.batchSize(), t.shuffle(), random,
                                t.printEvery(), checkpointing)
                        : trainer.trainFullBatch(train.x(), train.y(), from, t.iterations(), t.printEvery(), checkpointing);
        List<CostPoint> costs = new ArrayList<>(resume == null ? List.of() : resume.costs());
        costs.addAll(result.costs());
        TrainingResult combined = new TrainingResult(costs, result.stepsDone(), result.updates(), result.seconds(),
                result.stopped(), result.inputGram());
        return evaluate(spec, data, network, combined, valueLabels(spec));
    }

    /** Writes checkpoints on schedule and when the loop stops early; passes everything on. */
    private static final class CheckpointingListener implements TrainingListener {
        private final TrainingListener delegate;
        private final Trainer trainer;
        private final NumpyRandom random;
        private final Path dir;
        private final int every;
        private final List<CostPoint> costs;
        private int lastStep;

        CheckpointingListener(TrainingListener delegate, Trainer trainer, NumpyRandom random, Path dir, int every,
                List<CostPoint> costs) {
            this.delegate = delegate;
            this.trainer = trainer;
            this.random = random;
            this.dir = dir;
            this.every = every;
            this.costs = costs;
        }

        @Override
        public void started(int totalSteps, String unit) {
            delegate.started(totalSteps, unit);
        }

        @Override
        public void cost(CostPoint point) {
            costs.add(point);
            delegate.cost(point);
        }

        @Override
        public void stepped(int step) {
            lastStep = step;
            if (dir != null && every > 0 && step % every == 0) {
                save(step);
            }
            delegate.stepped(step);
        }

        @Override
        public boolean stopRequested() {
            boolean stop = delegate.stopRequested();
            if (stop && dir != null && !(every > 0 && lastStep % every == 0)) {
                save(lastStep);
            }
            return stop;
        }

        private void save(int step) {
            trainer.formParameters();
            Map<String, INDArray> parameters = new LinkedHashMap<>(trainer.network().parameterMap());
            try {
                new Checkpoint(step, trainer.updates(), random.state(), parameters, trainer.optimizer().state(),
                        trainer.engineState(), List.copyOf(costs)).write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the checkpoint in " + dir + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Whether the spec's loss compares label values (regression) rather than class indices. */
    public boolean valueLabels(ModelSpec spec) {
        return plugins.losses().get(spec.loss().type()).labelKind() == dev.strata.spi.LossFactory.LabelKind.VALUE;
    }

    /** Classification metrics, or regression metrics when the labels are values. */
    public static Metrics metrics(INDArray output, double[] labels, double threshold, boolean valueLabels) {
        return valueLabels ? Metrics.regression(output, labels) : Metrics.of(output, labels, threshold);
    }

    /** Metrics of {@code network} on both splits of {@code data}. */
    public static RunResult evaluate(ModelSpec spec, PreparedData data, Network network, TrainingResult training,
            boolean valueLabels) {
        double threshold = spec.evaluation().threshold();
        Metrics trainMetrics = metrics(network.predictProbabilities(data.train().x()), data.train().labels(), threshold,
                valueLabels);
        Metrics testMetrics = null;
        INDArray testOutput = null;
        if (data.test() != null) {
            testOutput = network.predictProbabilities(data.test().x());
            testMetrics = metrics(testOutput, data.test().labels(), threshold, valueLabels);
        }
        return new RunResult(spec, data, network, training, trainMetrics, testMetrics, testOutput);
    }
}
