package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecException;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding sweeps into trials and their specs, without training anything. */
class SweepPlanningTest {
    private static final Path CAT_DEEP = Path.of("..", "configs", "cat-deep.yaml").toAbsolutePath().normalize();
    private static final Path CAT_LOGISTIC = Path.of("..", "configs", "cat-logistic.yaml").toAbsolutePath().normalize();
    static Sweep sweep;
    static SpecLoader specs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void plugins() {
        Injector injector = StrataInjector.create(List.of());
        specs = injector.getInstance(SpecLoader.class);
        sweep = new Sweep(injector.getInstance(PluginRegistry.class), specs);
    }

    @Test
    void everySweepFileTheExamplesShipPlansWithoutAnError() throws IOException {
        List<Path> files;
        try (var listing = Files.list(Path.of("..", "examples", "sweeps"))) {
            files = listing.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            Sweep.Planned planned = sweep.plan(file);
            // a TPE sweep proposes its trials as it runs; every other plans them all up front
            assertThat(planned.plan().adaptive() != null || !planned.plan().trials().isEmpty()).as(file.toString())
                    .isTrue();
        }
    }

    private Sweep.Planned plan(String body) throws IOException {
        return plan(CAT_DEEP, body);
    }

    private Sweep.Planned plan(Path base, String body) throws IOException {
        Path file = tmp.resolve("sweep-" + System.nanoTime() + ".yaml");
        Files.writeString(file, "base: " + base + "\nobjective: {metric: test.accuracy}\n" + body);
        return sweep.plan(file);
    }

    private static final String RANDOM = """
            strategy: random
            trials: 6
            seed: %d
            parameters:
              optimizer.learning_rate: {distribution: log_uniform, min: 1e-4, max: 1e-1}
              training.iterations: {distribution: int_uniform, min: 5, max: 50}
              model.initializer: [lecun_normal, he_normal]
              evaluation.threshold: {distribution: uniform, min: 0.3, max: 0.7}
            """;

    @Test
    void aRandomSweepDrawsTheSameTrialsFromTheSameSeed() throws IOException {
        List<Trial> first = plan(RANDOM.formatted(7)).plan().trials();
        List<Trial> again = plan(RANDOM.formatted(7)).plan().trials();
        List<Trial> other = plan(RANDOM.formatted(8)).plan().trials();

        assertThat(first).hasSize(6);
        assertThat(again).isEqualTo(first);
        assertThat(other).extracting(Trial::parameters).isNotEqualTo(first.stream().map(Trial::parameters).toList());
        for (Trial trial : first) {
            double rate = ((Number) trial.parameters().get("optimizer.learning_rate")).doubleValue();
            long iterations = (Long) trial.parameters().get("training.iterations");
            assertThat(rate).isBetween(1e-4, 1e-1);
            assertThat(iterations).isBetween(5L, 50L);
            ModelSpec spec = specs.loadString(trial.specYaml(), tmp.resolve("t.yaml"), List.of());
            assertThat(spec.optimizer().params().getDouble("learning_rate")).isEqualTo(rate);
            assertThat(spec.training().iterations()).isEqualTo((int) iterations);
            assertThat(spec.model().initializer().type()).isEqualTo(trial.parameters().get("model.initializer"));
        }
    }

    @Test
    void aGridVariesTheLastParameterFastestWithStableIds() throws IOException {
        String grid = """
                parameters:
                  optimizer.learning_rate: [0.01, 0.02]
                  training.iterations: {min: 100, max: 300, step: 100}
                """;
        List<Trial> trials = plan(grid).plan().trials();
        assertThat(trials).extracting(t -> t.parameters().get("training.iterations"))
                .containsExactly(100L, 200L, 300L, 100L, 200L, 300L);
        assertThat(trials).extracting(t -> t.parameters().get("optimizer.learning_rate"))
                .containsExactly(0.01, 0.01, 0.01, 0.02, 0.02, 0.02);
        assertThat(trials).extracting(Trial::id).allMatch(id -> id.matches("t000[1-6]-[0-9a-f]{6}"));
        assertThat(plan(grid).plan().trials()).extracting(Trial::id)
                .isEqualTo(trials.stream().map(Trial::id).toList());
    }

    @Test
    void layerWidthsKeepTheBaseHiddenAndOutputActivations() throws IOException {
        List<Trial> trials = plan("parameters:\n  model.layers: [[32, 8, 1], [5]]\n").plan().trials();
        ModelSpec deep = specs.loadString(trials.get(0).specYaml(), tmp.resolve("a.yaml"), List.of());
        assertThat(deep.model().layers()).extracting(LayerSpec::units).containsExactly(32, 8, 1);
        assertThat(deep.model().layers()).extracting(l -> l.activation().type()).containsExactly("relu", "relu",
                "sigmoid");
        ModelSpec single = specs.loadString(trials.get(1).specYaml(), tmp.resolve("b.yaml"), List.of());
        assertThat(single.model().layers()).extracting(l -> l.activation().type()).containsExactly("sigmoid");
        assertThat(trials.get(0).parameters()).isEqualTo(Map.of("model.layers", List.of(32L, 8L, 1L)));
    }

    @Test
    void widthsNeedABaseWithAHiddenLayer() {
        assertThatThrownBy(() -> plan(CAT_LOGISTIC, "parameters:\n  model.layers: [[7, 1]]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":4:18: parameters.model.layers: the base spec has no hidden layer");
    }

    @Test
    void aValueTheSpecRefusesIsReportedAtTheValue() {
        assertThatThrownBy(() -> plan("parameters:\n  optimizer.learning_rate: [0.01, -2.0]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":4:35: parameters.optimizer.learning_rate: the value -2.0 is refused by the "
                        + "spec: learning_rate must be > 0");
    }

    @Test
    void aTrialThatBreaksTheBaseSpecElsewhereSaysHowToFixItOnce() {
        Path tabular = Path.of("..", "configs", "sensors-tabular.yaml").toAbsolutePath().normalize();
        assertThatThrownBy(() -> plan(tabular, "parameters:\n  training.epochs: [2]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("parameters: trial ").hasMessageNotContaining("parameters.:")
                .hasMessageContaining("makes the base spec invalid: ")
                .hasMessageContaining("optimizer.schedule.warmup: a warm-up of 3 epochs leaves nothing of the 2")
                .satisfies(e -> assertThat(e.getMessage().split("use a warm-up shorter", -1)).hasSize(2));
    }

    @Test
    void distributionsNeedTheRandomStrategyAndRandomNeedsTrials() {
        assertThatThrownBy(() -> plan("parameters:\n  optimizer.learning_rate: {distribution: log_uniform, min: 0, "
                + "max: 1}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("a distribution needs strategy: random");
        assertThatThrownBy(() -> plan("strategy: random\ntrials: 2\nparameters:\n  optimizer.learning_rate: "
                + "{distribution: log_uniform, min: 0, max: 1}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":6:61: parameters.optimizer.learning_rate.min: log_uniform needs min > 0");
        assertThatThrownBy(() -> plan("strategy: random\nparameters:\n  training.iterations: [5]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("missing trials (required with strategy: random)");
    }

    @Test
    void anExecutorTakesAPlainNumberForItsThreadCounts() throws IOException {
        Sweep.Planned planned = plan("parameters: {training.iterations: [5]}\nexecutor: {type: local, parallelism: 2, "
                + "blas_threads: auto}\n");
        assertThat(planned.spec().executor().params().getString("parallelism")).isEqualTo("2");
        assertThat(planned.spec().executor().params().getString("blas_threads")).isEqualTo("auto");
    }

    @Test
    void anExecutorRefusesABadParallelism() {
        assertThatThrownBy(() -> plan("parameters: {training.iterations: [5]}\nexecutor: {type: local, "
                + "parallelism: 0}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":4:11: executor: executor parallelism must be 'auto' or a whole number >= 1");
        assertThatThrownBy(() -> plan("parameters: {training.iterations: [5]}\nexecutor: {type: locl}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown sweep executor 'locl'; did you mean 'local'?");
    }

    @Test
    void anExecutorRefusesMoreBlasThreadsThanCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThatThrownBy(() -> plan("parameters: {training.iterations: [5]}\nexecutor: {type: local, "
                + "blas_threads: " + (cores + 1) + "}\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(":4:11: executor: executor blas_threads " + (cores + 1) + " is more than the "
                        + cores + " cores of this machine; write blas_threads: auto, or a number from 1 to " + cores);
    }

    @Test
    void anObjectiveTheTrialsNeverReportIsRefusedBeforeAnyTrial() throws IOException {
        Path file = tmp.resolve("regression-objective.yaml");
        Files.writeString(file, "base: " + CAT_DEEP + "\nobjective: {metric: test.mse}\n"
                + "parameters:\n  optimizer.learning_rate: [0.01, 0.02]\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sweep.plan(file))
                .isInstanceOf(dev.strata.spi.BadInputException.class)
                .hasMessageContaining("regression-objective.yaml:2:")
                .hasMessageContaining("objective.metric: 'test.mse' is not reported by trials with loss binary_cross_entropy")
                .hasMessageContaining("use one of final_cost, train.accuracy");
    }
}
