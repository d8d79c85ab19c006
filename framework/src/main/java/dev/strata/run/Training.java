package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.data.Split;
import dev.strata.engine.Batches;
import dev.strata.engine.Blas;
import dev.strata.engine.CostPoint;
import dev.strata.engine.EpochHook;
import dev.strata.engine.Inference;
import dev.strata.engine.Network;
import dev.strata.engine.ThreadChoice;
import dev.strata.engine.Trainer;
import dev.strata.engine.TrainingListener;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Metrics;
import dev.strata.io.NumpyArray;
import dev.strata.spi.NumpyRandom;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.TrainingSpec;
import dev.strata.spi.BadInputException;
import dev.strata.spi.LossFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a spec's model on its data and trains it, optionally writing checkpoints and continuing
 * from one. The random stream is seeded once with the spec's seed and drawn from in a fixed order:
 * initial weights layer by layer, then minibatch shuffles.
 */
final class Training {
    private final PluginRegistry plugins;

    Training(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /**
     * Trains, writing a checkpoint to {@code checkpointDir} every {@code training.checkpoint_every}
     * steps and when a stop is requested, and continuing from {@code resume} when given. A resumed run
     * ends with exactly the parameters and costs of an uninterrupted one.
     *
     * @param checkpointDir where checkpoints go, or {@code null} for none
     * @param resume the checkpoint to continue from, or {@code null} to start afresh
     */
    RunResult run(ModelSpec spec, PreparedData data, TrainingListener listener, Path checkpointDir, Checkpoint resume) {
        ModelBuilder builder = new ModelBuilder(plugins);
        MemoryEstimate.check(spec, data, builder.optimizer(spec).stateNames().size());
        NumpyRandom random = new NumpyRandom(spec.seed());
        List<Network.LayerPlan> plans = builder.plans(spec);
        Network network = Network.initialize(data.inputSize(), plans, random, spec.dtype().precision());
        TrainingSpec t = spec.training();
        Trainer trainer = new Trainer(network, builder.loss(spec), builder.canonicalOutput(spec, plans.get(plans.size() - 1)),
                builder.optimizer(spec), builder.schedule(spec), builder.regularization(spec, random),
                t.inputGram() ? Trainer.FirstLayerChoice.AUTO : Trainer.FirstLayerChoice.DIRECT);
        boolean values = valueLabels(spec);
        trainer.threshold(spec.evaluation().threshold());
        trainer.valueLabels(values);
        int total = t.steps();
        ValidationMonitor monitor = data.validation() == null ? null : new ValidationMonitor(trainer, data.validation(),
                builder.loss(spec), spec.evaluation().threshold(), values, t.validateEvery(), total, t.earlyStopping(),
                listener);
        int from = 0;
        List<CostPoint> history = new ArrayList<>();
        if (resume != null) {
            try {
                network.load(resume.parameters());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("the checkpoint does not fit the spec's model: " + e.getMessage(),
                        "resume with the spec the run started with");
            }
            trainer.resume(resume.updates(), resume.optimizerState(), resume.engineState());
            random.restore(resume.random());
            from = resume.stepsDone();
            history.addAll(resume.costs());
            if (monitor != null) {
                monitor.restore(resume.monitorState());
            }
        }
        CheckpointingListener checkpointing = new CheckpointingListener(listener, trainer, random, checkpointDir,
                t.checkpointEvery(), history, monitor);
        Split train = data.train();
        TrainingResult result;
        try (Batches batches = t.minibatch()
                ? Batches.minibatches(train.inputs(), network.precision(), t.batchSize(), t.shuffle(), random)
                : Batches.fullBatch(train.inputs(), network.precision())) {
            if (Blas.automaticThreads()) {
                // a resumed run keeps the count it started with: another one would round its products differently
                Blas.useChosenThreads(resume != null && resume.blasThreads() > 0 ? resume.blasThreads()
                        : ThreadChoice.forRun(network, t.minibatch() ? Math.min(t.batchSize(), train.count())
                                : train.count(), from < total && trainer.trainsFirstLayerInGramForm(batches, total)));
            }
            // the library's one-off loading is not training time
            Blas.load();
            result = from >= total
                    ? new TrainingResult(List.of(), from, trainer.updates(), 0, false, resume.engineState().isEmpty()
                            ? "direct" : "input_gram", Double.NaN)
                    : trainer.train(batches, from, total, t.printEvery(), checkpointing,
                            monitor == null ? EpochHook.NONE : monitor);
        }
        List<CostPoint> costs = new ArrayList<>(resume == null ? List.of() : resume.costs());
        costs.addAll(result.costs());
        TrainingResult combined = new TrainingResult(costs, result.stepsDone(), result.updates(), result.seconds(),
                result.stopped(), result.firstLayerForm(), result.warmUpdatesPerSecond(), result.stoppedEarly());
        ValidationReport validation = null;
        if (monitor != null) {
            boolean restore = t.earlyStopping() != null && t.earlyStopping().restoreBest()
                    && !monitor.bestParameters().isEmpty() && !result.stopped();
            if (restore) {
                network.load(monitor.bestParameters());
            }
            validation = new ValidationReport(monitor.history(), null, Double.NaN, t.earlyStopping(), monitor.bestStep(),
                    monitor.best(), restore, result.stoppedEarly());
        }
        return evaluate(spec, data, network, combined, validation);
    }

    /** Whether the spec's loss compares label values (regression) rather than class indices. */
    boolean valueLabels(ModelSpec spec) {
        return plugins.get(LossFactory.class, spec.loss().type()).labelKind() == LossFactory.LabelKind.VALUE;
    }

    /** Metrics of {@code network} on every split of {@code data}. */
    RunResult evaluate(ModelSpec spec, PreparedData data, Network network, TrainingResult training) {
        return evaluate(spec, data, network, training, null);
    }

    private RunResult evaluate(ModelSpec spec, PreparedData data, Network network, TrainingResult training,
            ValidationReport validation) {
        long start = System.nanoTime();
        double threshold = spec.evaluation().threshold();
        boolean values = valueLabels(spec);
        int units = network.outputUnits();
        Metrics trainMetrics = Metrics.of(Inference.outputs(network, data.train().inputs()), units,
                data.train().labels(), threshold, values);
        Metrics testMetrics = null;
        double[] testOutputs = null;
        if (data.test() != null) {
            testOutputs = Inference.outputs(network, data.test().inputs());
            testMetrics = Metrics.of(testOutputs, units, data.test().labels(), threshold, values);
        }
        if (data.validation() != null) {
            Split split = data.validation();
            double[] outputs = Inference.outputs(network, split.inputs());
            Metrics final_ = Metrics.of(outputs, units, split.labels(), threshold, values);
            double cost = ValidationMonitor.cost(new ModelBuilder(plugins).loss(spec), outputs, units, split,
                    split.inputs().targets());
            validation = (validation == null ? new ValidationReport(List.of(), null, Double.NaN, null, -1, Double.NaN,
                    false, false) : validation).withFinal(final_, cost);
        }
        return new RunResult(spec, data, network, training, trainMetrics, testMetrics, testOutputs,
                (System.nanoTime() - start) / 1e9, validation);
    }

    /** Writes checkpoints on schedule and when the loop stops early; passes everything on. */
    private static final class CheckpointingListener implements TrainingListener {
        private final TrainingListener delegate;
        private final Trainer trainer;
        private final NumpyRandom random;
        private final Path dir;
        private final int every;
        private final List<CostPoint> costs;
        private final ValidationMonitor monitor;
        private int lastStep;

        CheckpointingListener(TrainingListener delegate, Trainer trainer, NumpyRandom random, Path dir, int every,
                List<CostPoint> costs, ValidationMonitor monitor) {
            this.monitor = monitor;
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
        public void validated(dev.strata.engine.ValidationPoint point) {
            delegate.validated(point);
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
            Map<String, NumpyArray> parameters = trainer.network().parameterArrays();
            try {
                new Checkpoint(step, trainer.updates(), random.state(), parameters, trainer.optimizerState(),
                        trainer.formState(), List.copyOf(costs), monitor == null ? Map.of() : monitor.state(),
                        Blas.threads()).write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the checkpoint in " + dir + " failed: " + e.getMessage(), e);
            }
        }
    }
}
