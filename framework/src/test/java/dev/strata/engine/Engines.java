package dev.strata.engine;

import com.google.inject.Injector;
import dev.strata.data.PreparedData;
import dev.strata.io.NumpyArray;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.run.ModelBuilder;
import dev.strata.run.Runs;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.NumpyRandom;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Specs, data and trainers for the engine's tests, built the way a run builds them. */
final class Engines {
    private static Injector injector;
    private static final Map<String, PreparedData> DATA = new HashMap<>();

    private Engines() {
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = StrataInjector.create(List.of());
        }
        return injector;
    }

    /** A shipped config with overrides. */
    static ModelSpec spec(String config, String... overrides) {
        return injector().getInstance(SpecLoader.class).load(Path.of("..", "configs", config), List.of(overrides));
    }

    static synchronized PreparedData data(ModelSpec spec) {
        return DATA.computeIfAbsent(spec.data().toString() + spec.dtype() + spec.model().layers().size(),
                k -> injector().getInstance(Runs.class).loadData(spec));
    }

    static Trainer trainer(ModelSpec spec, boolean gram) {
        return trainer(spec, gram, new NumpyRandom(spec.seed()));
    }

    /** A trainer whose initial weights are drawn from {@code random}, which a run then shuffles with. */
    static Trainer trainer(ModelSpec spec, boolean gram, NumpyRandom random) {
        ModelBuilder builder = new ModelBuilder(injector().getInstance(PluginRegistry.class));
        List<Network.LayerPlan> plans = builder.plans(spec);
        Network network = Network.initialize(data(spec).inputSize(), plans, random, spec.dtype().precision());
        return new Trainer(network, builder.loss(spec), builder.canonicalOutput(spec, plans.get(plans.size() - 1)),
                builder.optimizer(spec), builder.schedule(spec), builder.regularization(spec, random),
                gram ? Trainer.FirstLayerChoice.GRAM : Trainer.FirstLayerChoice.DIRECT);
    }

    /** Full-batch iterations {@code from} to {@code to}, recording every cost. */
    static TrainingResult train(Trainer trainer, ModelSpec spec, int from, int to, TrainingListener listener) {
        return trainer.train(Batches.fullBatch(data(spec).train().inputs(), trainer.network().precision()), from, to, 1, listener);
    }

    static TrainingResult train(Trainer trainer, ModelSpec spec, int from, int to) {
        return train(trainer, spec, from, to, TrainingListener.NONE);
    }

    /** The largest absolute difference between two networks' parameters. */
    static double largestDifference(Network a, Network b) {
        double worst = 0;
        Map<String, NumpyArray> right = b.parameterArrays();
        for (Map.Entry<String, NumpyArray> e : a.parameterArrays().entrySet()) {
            worst = Math.max(worst, largestDifference(e.getValue(), right.get(e.getKey())));
        }
        return worst;
    }

    static double largestDifference(NumpyArray a, NumpyArray b) {
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, Math.abs(a.values()[i] - b.values()[i]));
        }
        return worst;
    }
}
