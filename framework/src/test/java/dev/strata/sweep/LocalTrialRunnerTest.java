package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.Json;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.SpecLoader;
import dev.strata.spec.SpecWriter;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner as a distributed executor uses it: serialized, shipped, run where it lands. */
class LocalTrialRunnerTest {
    private static final Path CAT_DEEP = Path.of("..", "configs", "cat-deep.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aDeserializedRunnerTrainsTheTrialIntoItsFolderAndFlattensTheReportMetrics() throws Exception {
        var injector = StrataInjector.create(List.of());
        String spec = SpecWriter.toYaml(injector.getInstance(SpecLoader.class).load(CAT_DEEP,
                List.of("training.iterations=3")));
        Trial trial = new Trial("t0001-abcdef", Map.of("training.iterations", 3L), spec);
        TrialRunner shipped = roundTrip(new LocalTrialRunner(List.of(), dir, injector));

        TrialOutcome outcome = shipped.run(trial);

        assertThat(outcome.status()).as(outcome.error()).isEqualTo(TrialOutcome.OK);
        Path trialDir = dir.resolve("trials").resolve("t0001-abcdef");
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(trialDir.resolve("report.json")));
        Map<String, Map<String, Object>> metrics = (Map<String, Map<String, Object>>) report.get("metrics");
        for (String split : List.of("train", "test")) {
            for (String metric : List.of("accuracy", "precision", "recall", "f1")) {
                assertThat(outcome.metrics().get(split + "." + metric))
                        .isEqualTo(((Number) metrics.get(split).get(metric)).doubleValue());
            }
        }
        List<Map<String, Object>> costs = (List<Map<String, Object>>) report.get("costs");
        assertThat(outcome.metrics().get("final_cost"))
                .isEqualTo(((Number) costs.get(costs.size() - 1).get("cost")).doubleValue());
        assertThat(outcome.costs()).hasSize(costs.size());
        assertThat(report.get("overrides")).isEqualTo(List.of("training.iterations=3"));
    }

    @Test
    void timingAMinibatchTrialWithAWarmUpLongerThanTheTimedStepsTrainsItsOwnBatchesAndWritesNothing() {
        var injector = StrataInjector.create(List.of());
        Path tabular = Path.of("..", "configs", "sensors-tabular.yaml").toAbsolutePath().normalize();
        // warm-up of 3 epochs, early stopping on a validation split, batches of 32
        String spec = SpecWriter.toYaml(injector.getInstance(SpecLoader.class).load(tabular, List.of()));
        LocalTrialRunner runner = new LocalTrialRunner(List.of(), dir, injector);

        double seconds = runner.secondsFor(new Trial("t0003-abcdef", Map.of(), spec), 3);

        assertThat(seconds).isPositive().isLessThan(5);
        assertThat(dir.resolve("trials/t0003-abcdef")).doesNotExist();
    }

    @Test
    void aTrialThatDivergesIsAFailedOutcomeWithItsMessageNotAnException() throws Exception {
        var injector = StrataInjector.create(List.of());
        String spec = SpecWriter.toYaml(injector.getInstance(SpecLoader.class).load(CAT_DEEP,
                List.of("training.iterations=5", "optimizer.learning_rate=1e6")));
        TrialOutcome outcome = new LocalTrialRunner(List.of(), dir, injector).run(new Trial("t0002-abcdef", Map.of(),
                spec));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.error()).startsWith("training diverged");
        assertThat(dir.resolve("trials/t0002-abcdef/error.txt")).content().startsWith("training diverged");
        assertThat(injector.getInstance(PluginRegistry.class).factories(dev.strata.spi.SweepExecutorFactory.class))
                .containsKey("local");
    }

    private static TrialRunner roundTrip(TrialRunner runner) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(runner);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (TrialRunner) in.readObject();
        }
    }
}
