package dev.strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.strata.data.PreparedData;
import dev.strata.engine.CostPoint;
import dev.strata.engine.TrainingListener;
import dev.strata.io.NumpyArray;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dropout, per-layer L2 and L1, schedules with warm-up and standardisation against numpy written
 * the course's way ({@code framework/src/test/numpy/training_features.py}): the same seed gives
 * the same costs and parameters, through the path `strata train` takes.
 */
class TrainingFeaturesGoldenTest {
    private static final double TOLERANCE = 1e-12;
    private static Injector injector;
    private static Map<String, Object> golden;
    @TempDir
    static Path dir;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void data() throws IOException {
        injector = StrataInjector.create(List.of());
        golden = Golden.trainingFeatures();
        List<List<Number>> x = (List<List<Number>>) golden.get("x");
        List<Number> y = (List<Number>) golden.get("y");
        StringBuilder csv = new StringBuilder("f0,f1,f2,f3,label\n");
        for (int j = 0; j < y.size(); j++) {
            for (List<Number> row : x) {
                csv.append(row.get(j).doubleValue()).append(',');
            }
            csv.append((int) y.get(j).doubleValue()).append('\n');
        }
        Files.writeString(dir.resolve("data.csv"), csv);
    }

    private static ModelSpec spec(String training, String optimizer, String layers, String more) {
        String yaml = String.format(Locale.ROOT, """
                seed: 3
                data: {format: csv, train: {path: data.csv}%s}
                model:
                  initializer: {type: normal, std: 0.5}
                  layers:
                %s
                optimizer: %s
                training: %s
                """, more, layers.stripTrailing().indent(4).stripTrailing(), optimizer, training);
        try {
            Path file = Files.createTempFile(dir, "spec", ".yaml");
            Files.writeString(file, yaml);
            return injector.getInstance(SpecLoader.class).load(file, List.of());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RunResult train(ModelSpec spec) {
        Runs runs = injector.getInstance(Runs.class);
        return runs.train(spec, runs.loadData(spec), TrainingListener.NONE);
    }

    @SuppressWarnings("unchecked")
    private static void assertFollows(RunResult run, Map<String, Object> expected) {
        List<Number> costs = (List<Number>) expected.get("costs");
        List<CostPoint> actual = run.training().costs();
        assertThat(actual).hasSize(costs.size());
        for (int i = 0; i < costs.size(); i++) {
            double want = costs.get(i).doubleValue();
            assertThat(Math.abs(actual.get(i).cost() - want) / Math.abs(want)).as("cost %d", i).isLessThan(TOLERANCE);
        }
        if (expected.containsKey("params")) {
            Map<String, NumpyArray> params = run.network().parameterArrays();
            ((Map<String, List<List<Number>>>) expected.get("params")).forEach((name, rows) -> {
                NumpyArray p = params.get(name);
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        double want = rows.get(r).get(c).doubleValue();
                        assertThat(p.get(r, c)).as("%s[%d][%d]", name, r, c)
                                .isCloseTo(want, org.assertj.core.api.Assertions.within(TOLERANCE * (1 + Math.abs(want))));
                    }
                }
            });
        }
    }

    private static final String HIDDEN = """
              - {units: 5, activation: relu%s}
              - {units: 3, activation: relu%s}
              - {units: 1, activation: sigmoid}""";

    @Test
    void invertedDropoutOfHiddenLayersFollowsNumpyDrawForDraw() {
        ModelSpec spec = spec("{iterations: 40, print_every: 1}", "{type: gradient_descent, learning_rate: 0.05}",
                HIDDEN.formatted(", dropout: 0.2", ", dropout: 0.3"), "");
        assertFollows(train(spec), section("dropout_full_batch"));
    }

    @Test
    void lossL2PlusEachLayersOwnL2AndL1FollowNumpy() {
        ModelSpec spec = spec("{iterations: 30, print_every: 1}", "{type: gradient_descent, learning_rate: 0.01}",
                HIDDEN.formatted(", l2: 0.5", ", l1: 0.3").replace("activation: sigmoid}",
                        "activation: sigmoid, l2: 0.2}"), "");
        assertFollows(train(overridden(spec, "loss={type: binary_cross_entropy, l2: 0.1}")), section("penalties_full_batch"));
    }

    @Test
    void penaltiesInMinibatchesAreScaledByTheTrainingSetSoAShortLastBatchGetsNoMoreDecay() {
        ModelSpec spec = spec("{epochs: 6, batch_size: 16, print_every: 1}", "{type: gradient_descent, learning_rate:"
                + " 0.05}", HIDDEN.formatted(", l2: 0.3", ""), "");
        assertFollows(train(overridden(spec, "loss={type: binary_cross_entropy, l2: 0.7}")), section("l2_minibatch"));
    }

    private static ModelSpec overridden(ModelSpec base, String override) {
        return injector.getInstance(SpecLoader.class).load(base.source().file(), List.of(override));
    }

    @Test
    void adamWithCosineScheduleWarmUpAndDropoutInMinibatchesFollowsNumpyEveryEpoch() {
        ModelSpec spec = spec("{epochs: 8, batch_size: 16, print_every: 1}",
                "{type: adam, learning_rate: 0.01, schedule: {type: cosine, alpha: 0.1, warmup: 2}}",
                HIDDEN.formatted(", dropout: 0.1", ""), "");
        assertFollows(train(spec), section("dropout_adam_cosine_minibatch"));
    }

    @Test
    void batchNormalisationOfHiddenLayersFollowsNumpyInTrainingAndInEvaluation() {
        ModelSpec spec = spec("{iterations: 30, print_every: 1}", "{type: gradient_descent, learning_rate: 0.1}",
                HIDDEN.formatted(", batch_norm: true", ", batch_norm: true"), "");
        assertEvaluatesAsNumpy(spec, section("batch_norm_full_batch"));
    }

    @Test
    void batchNormalisationInShuffledMinibatchesKeepsNumpysRunningStatistics() {
        ModelSpec spec = spec("{epochs: 5, batch_size: 16, print_every: 1}",
                "{type: gradient_descent, learning_rate: 0.05}", HIDDEN.formatted(", batch_norm: true", ""), "");
        assertEvaluatesAsNumpy(spec, section("batch_norm_minibatch"));
    }

    /** The costs and parameters (running statistics too), then the outputs in evaluation, with the running statistics. */
    @SuppressWarnings("unchecked")
    private static void assertEvaluatesAsNumpy(ModelSpec spec, Map<String, Object> expected) {
        Runs runs = injector.getInstance(Runs.class);
        PreparedData data = runs.loadData(spec);
        RunResult run = runs.train(spec, data, TrainingListener.NONE);
        assertFollows(run, expected);
        double[] outputs = dev.strata.engine.Inference.outputs(run.network(), data.train().inputs());
        List<Number> want = (List<Number>) expected.get("outputs");
        for (int i = 0; i < want.size(); i++) {
            assertThat(outputs[i]).as("output %d", i).isCloseTo(want.get(i).doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBuiltInScheduleGivesNumpysRateForEveryEpoch() {
        for (Map<String, Object> schedule : (List<Map<String, Object>>) golden.get("schedules")) {
            StringBuilder text = new StringBuilder("{");
            schedule.forEach((k, v) -> {
                if (!List.of("rates", "epochs", "base").contains(k)) {
                    text.append(k).append(": ").append(v instanceof Boolean b ? b.toString() : v).append(", ");
                }
            });
            String selector = text.substring(0, text.length() - 2) + "}";
            ModelSpec spec = spec("{iterations: 12}", "{type: gradient_descent, learning_rate: 0.2, schedule: "
                    + selector + "}", HIDDEN.formatted("", ""), "");
            var rates = new ModelBuilder(injector.getInstance(dev.strata.registry.PluginRegistry.class)).schedule(spec);
            List<Number> want = (List<Number>) schedule.get("rates");
            for (int e = 0; e < want.size(); e++) {
                assertThat(rates.rate(e)).as("%s at epoch %d", selector, e)
                        .isCloseTo(want.get(e).doubleValue(), org.assertj.core.api.Assertions.within(1e-15));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void standardizeIsFittedOnTheTrainingDataAndTrainsAsNumpyOnTheTransformedFeatures() {
        Map<String, Object> expected = section("standardized");
        ModelSpec spec = spec("{iterations: 20, print_every: 1}", "{type: gradient_descent, learning_rate: 0.1}",
                HIDDEN.formatted("", ""), ", preprocessing: {standardize: true}");
        Runs runs = injector.getInstance(Runs.class);
        PreparedData data = runs.loadData(spec);
        List<Number> mean = (List<Number>) expected.get("mean");
        List<Number> std = (List<Number>) expected.get("std");
        for (int i = 0; i < 4; i++) {
            assertThat(data.normalizer().shift()[i]).isCloseTo(mean.get(i).doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-13 * (1 + Math.abs(mean.get(i).doubleValue()))));
            assertThat(data.normalizer().divisor()[i]).isCloseTo(std.get(i).doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-13 * std.get(i).doubleValue()));
        }
        Map<String, Object> costsOnly = Map.of("costs", expected.get("costs"));
        RunResult run = runs.train(spec, data, TrainingListener.NONE);
        List<Number> costs = (List<Number>) costsOnly.get("costs");
        for (int i = 0; i < costs.size(); i++) {
            assertThat(run.training().costs().get(i).cost()).isCloseTo(costs.get(i).doubleValue(),
                    org.assertj.core.api.Assertions.within(1e-12));
        }
        ModelSpec minMax = spec("{iterations: 1}", "{type: gradient_descent, learning_rate: 0.1}",
                HIDDEN.formatted("", ""), ", preprocessing: {min_max: true}");
        PreparedData scaled = runs.loadData(minMax);
        List<Number> min = (List<Number>) expected.get("min");
        List<Number> max = (List<Number>) expected.get("max");
        for (int i = 0; i < 4; i++) {
            assertThat(scaled.normalizer().shift()[i]).isEqualTo(min.get(i).doubleValue());
            assertThat(scaled.normalizer().divisor()[i]).isEqualTo(max.get(i).doubleValue() - min.get(i).doubleValue());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidationSplitHoldsOutNumpysStratifiedDrawAndKeepsTheRestInOrder() {
        Map<String, Object> expected = section("validation_split");
        ModelSpec spec = spec("{iterations: 1}", "{type: gradient_descent, learning_rate: 0.1}",
                HIDDEN.formatted("", ""), ", validation: {split: 0.25}");
        spec = overridden(spec, "seed=11");
        PreparedData data = injector.getInstance(Runs.class).loadData(spec);
        List<Number> held = (List<Number>) expected.get("held_out");
        List<Number> y = (List<Number>) golden.get("y");
        assertThat(data.validation().count()).isEqualTo(held.size());
        assertThat(data.train().count()).isEqualTo(y.size() - held.size());
        List<List<Number>> x = (List<List<Number>>) golden.get("x");
        for (int k = 0; k < held.size(); k++) {
            int example = held.get(k).intValue();
            assertThat(data.validation().raw(k)[0]).isEqualTo(x.get(0).get(example).doubleValue());
            assertThat(data.validation().label(k)).isEqualTo(y.get(example).doubleValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String name) {
        return (Map<String, Object>) golden.get(name);
    }
}
