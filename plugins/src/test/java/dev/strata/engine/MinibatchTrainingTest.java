package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.strata.data.PreparedData;
import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.random.NumpyRandom;
import dev.strata.run.Experiment;
import dev.strata.run.ModelBuilder;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Minibatch training slices the data into column views; they must train exactly like copies. */
class MinibatchTrainingTest {
    private static Injector injector;
    private static ModelSpec spec;
    private static PreparedData data;

    @BeforeAll
    static void load() {
        injector = StrataInjector.create(List.of());
        spec = injector.getInstance(SpecLoader.class).load(Path.of("..", "configs", "cat-deep.yaml"),
                List.of("optimizer={type: adam, learning_rate: 0.00002}"));
        data = injector.getInstance(Experiment.class).loadData(spec);
    }

    private static Trainer trainer() {
        ModelBuilder builder = new ModelBuilder(injector.getInstance(PluginRegistry.class));
        Network network = builder.initialize(spec, data.inputSize(), new NumpyRandom(1));
        return new Trainer(network, builder.loss(spec), builder.optimizer(spec), 0.0);
    }

    @Test
    void batchesOfColumnViewsTrainExactlyLikeCopiedBatches() {
        int batch = 64;
        int epochs = 3;
        Trainer onViews = trainer();
        TrainingResult result = onViews.trainMinibatch(data.train().x(), data.train().y(), 0, epochs, batch, false, null, 1,
                TrainingListener.NONE);

        Trainer onCopies = trainer();
        INDArray x = data.train().x();
        INDArray y = data.train().y();
        int m = (int) x.columns();
        List<Double> epochCosts = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double total = 0;
            for (int begin = 0; begin < m; begin += batch) {
                int end = Math.min(m, begin + batch);
                INDArray xb = x.get(NDArrayIndex.all(), NDArrayIndex.interval(begin, end)).dup('f');
                INDArray yb = y.get(NDArrayIndex.all(), NDArrayIndex.interval(begin, end)).dup('f');
                total += onCopies.step(xb, yb) * (end - begin);
            }
            epochCosts.add(total / m);
        }
        assertThat(result.costs()).extracting(CostPoint::cost).containsExactlyElementsOf(epochCosts);
        assertThat(onViews.network().parameterMap().get("W1").equals(onCopies.network().parameterMap().get("W1"))).isTrue();
    }

    @Test
    void oneBatchOfEveryExampleIsFullBatchTraining() {
        TrainingResult minibatch = trainer().trainMinibatch(data.train().x(), data.train().y(), 0, 5, 209, false, null, 1,
                TrainingListener.NONE);
        TrainingResult fullBatch = trainer().trainFullBatch(data.train().x(), data.train().y(), 0, 5, 1, TrainingListener.NONE);
        assertThat(minibatch.costs()).extracting(CostPoint::cost)
                .containsExactlyElementsOf(fullBatch.costs().stream().map(CostPoint::cost).toList());
    }
}
