package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.Json;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `strata sweep` as a user runs it, on the cat data with a handful of iterations per trial. */
class SweepCommandEndToEndTest {
    @TempDir
    Path tmp;

    private Path sweepFile(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "base: " + CliRunner.config("cat-deep.yaml") + "\n" + body);
        return file;
    }

    @Test
    void aGridRunsEveryCombinationRanksThemAndRecordsADivergedTrialAsFailed() throws Exception {
        Path file = sweepFile("grid.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.0075, 0.02, 1000000.0]
                  training.iterations: {min: 5, max: 10, step: 5}
                objective: {metric: train.accuracy, goal: maximize}
                executor: {type: local, parallelism: auto}
                """);
        Path out = tmp.resolve("grid");
        CliRunner.Result result = CliRunner.run("sweep", file.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Map<String, Object>> lines = lines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(6);
        assertThat(lines).extracting(l -> (String) l.get("id")).isSorted()
                .allMatch(id -> id.matches("t000[1-6]-[0-9a-f]{6}"));
        assertThat(lines).extracting(l -> l.get("parameters").toString()).containsExactly(
                "{optimizer.learning_rate=0.0075, training.iterations=5}",
                "{optimizer.learning_rate=0.0075, training.iterations=10}",
                "{optimizer.learning_rate=0.02, training.iterations=5}",
                "{optimizer.learning_rate=0.02, training.iterations=10}",
                "{optimizer.learning_rate=1000000.0, training.iterations=5}",
                "{optimizer.learning_rate=1000000.0, training.iterations=10}");
        List<Map<String, Object>> diverged = lines.subList(4, 6);
        assertThat(diverged).allSatisfy(l -> {
            assertThat(l.get("status")).isEqualTo("failed");
            assertThat((String) l.get("error")).contains("diverged");
        });
        assertThat(lines.subList(0, 4)).allSatisfy(l -> {
            assertThat(l.get("status")).isEqualTo("ok");
            assertThat(((Map<?, ?>) l.get("metrics")).keySet().toString()).contains("final_cost", "train.accuracy", "test.accuracy",
                    "test.f1");
            Path trial = out.resolve("trials").resolve((String) l.get("id"));
            assertThat(trial.resolve("report.json")).exists();
            assertThat(trial.resolve("config.yaml")).exists();
            assertThat(trial.resolve("model.npz")).exists();
        });
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(7)
                .first().asString().startsWith("id,status,seconds,optimizer.learning_rate,training.iterations,");

        // Ranked by train accuracy, ties broken by the lower final cost; the failed trials last.
        String summary = Files.readString(out.resolve("summary.md"));
        List<Map<String, Object>> ok = lines.subList(0, 4).stream().sorted((a, b) -> {
            int byAccuracy = Double.compare(metric(b, "train.accuracy"), metric(a, "train.accuracy"));
            return byAccuracy != 0 ? byAccuracy : Double.compare(metric(a, "final_cost"), metric(b, "final_cost"));
        }).toList();
        List<String> rows = summary.lines().filter(l -> l.matches("\\| (\\d+|-) \\| t\\d{4}-.*")).toList();
        assertThat(rows).hasSize(6);
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i)).startsWith("| " + (i + 1) + " | " + ok.get(i).get("id") + " |");
        }
        assertThat(rows.subList(4, 6)).allMatch(r -> r.startsWith("| - |") && r.contains("failed: training diverged"));
        assertThat(summary).contains("| optimizer.learning_rate | 0.0075 |", "| training.iterations | 2500 |");

        ModelSpec best = new SpecLoader(StrataInjector.create(List.of()).getInstance(dev.strata.registry.PluginRegistry.class))
                .load(out.resolve("best.yaml"), List.of());
        assertThat(best.training().iterations()).isEqualTo(((Number) ((Map<?, ?>) ok.get(0).get("parameters"))
                .get("training.iterations")).intValue());
        assertThat(out.resolve("chart-optimizer.learning_rate.png")).isNotEmptyFile();
        assertThat(out.resolve("chart-training.iterations.png")).isNotEmptyFile();
        assertThat(result.out()).contains("Best: " + ok.get(0).get("id"), "Summary: ");
    }

    @Test
    void aKilledSweepResumedEndsWithTheSameResultsAsAnUninterruptedOne() throws Exception {
        Path file = sweepFile("resume.yaml", """
                parameters:
                  optimizer.learning_rate: [0.005, 0.0075, 0.01, 0.02]
                  training.iterations: [40]
                objective: {metric: test.accuracy}
                executor: {type: local, parallelism: 1, blas_threads: 1}
                """);
        Path killed = tmp.resolve("killed");
        Process process = CliRunner.start(tmp.resolve("killed.log"), "sweep", file.toString(), "--out", killed.toString());
        Path results = killed.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(results) && Files.readString(results).contains("\n")) && process.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int recorded = lines(results).size();
        assertThat(recorded).as(Files.readString(tmp.resolve("killed.log"))).isBetween(1, 3);
        // A crash in the middle of a write leaves a torn last line: resume must drop it.
        Files.writeString(results, "{\"id\": \"t0004-", StandardOpenOption.APPEND);

        CliRunner.Result resumed = CliRunner.run("sweep", "--resume", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains(recorded + " done, " + (4 - recorded) + " to run");

        Path whole = tmp.resolve("whole");
        CliRunner.Result uninterrupted = CliRunner.run("sweep", file.toString(), "--out", whole.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertThat(withoutSeconds(lines(results))).isEqualTo(withoutSeconds(lines(whole.resolve("results.jsonl"))));
        assertThat(Files.readAllLines(killed.resolve("results.csv"))).hasSize(5);
    }

    @Test
    void resumingWithAnotherSweepIsRefused() throws Exception {
        Path file = sweepFile("one.yaml", """
                parameters: {training.iterations: [3]}
                objective: {metric: test.accuracy}
                executor: {type: local, parallelism: '1'}
                """);
        Path out = tmp.resolve("one");
        assertThat(CliRunner.run("sweep", file.toString(), "--out", out.toString()).exitCode()).isZero();
        Path other = sweepFile("other.yaml", """
                parameters: {training.iterations: [4]}
                objective: {metric: test.accuracy}
                """);
        CliRunner.Result refused = CliRunner.run("sweep", other.toString(), "--resume", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("differs from the one");
    }

    @Test
    void everyMistakeInTheSweepFileIsReportedWithItsLineBeforeAnyTrialRuns() throws Exception {
        Path file = sweepFile("bad.yaml", """
                strategy: grd
                parameters:
                  optimizer.learning_rat: [0.01]
                  training.iterations: {min: 10, max: 5, step: 1}
                objective: {metric: test.accuracy}
                """);
        Path out = tmp.resolve("bad");
        CliRunner.Result structure = CliRunner.run("sweep", file.toString(), "--out", out.toString());
        assertThat(structure.exitCode()).isEqualTo(2);
        assertThat(structure.err()).contains(file + ":2:11: strategy: unknown strategy 'grd'; did you mean 'grid'?",
                file + ":5:39: parameters.training.iterations.max: max (5) is below min (10)");

        Files.writeString(file, Files.readString(file).replace("grd", "grid").replace("max: 5", "max: 20"));
        CliRunner.Result values = CliRunner.run("sweep", file.toString(), "--out", out.toString());
        assertThat(values.exitCode()).isEqualTo(2);
        assertThat(values.err()).contains(file + ":4:3: parameters.optimizer.learning_rat: not a path of the base spec",
                "did you mean 'learning_rate'?");
        assertThat(out).doesNotExist();
    }

    private static double metric(Map<String, Object> line, String name) {
        return ((Number) ((Map<?, ?>) line.get("metrics")).get(name)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream().filter(l -> !l.isBlank())
                .map(l -> (Map<String, Object>) Json.parse(l)).toList();
    }

    private static List<Map<String, Object>> withoutSeconds(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(l);
            copy.remove("seconds");
            return (Map<String, Object>) copy;
        }).toList();
    }

    @Test
    void aSweepRanksOnValidationMetricsAndOneRankingOnTheTestSetSaysItTunesOnIt() throws Exception {
        String body = """
                base: %s
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: %s, goal: maximize}
                executor: {type: local, parallelism: 1}
                """;
        Path onValidation = tmp.resolve("validation.yaml");
        Files.writeString(onValidation, body.formatted(CliRunner.config("sensors-tabular.yaml"), "validation.accuracy"));
        CliRunner.Result ranked = CliRunner.run("sweep", onValidation.toString(), "--out", tmp.resolve("v").toString(),
                "--set", "executor.parallelism=1");
        assertThat(ranked.exitCode()).as(ranked.err()).isZero();
        assertThat(ranked.out()).contains("validation.accuracy 0.").doesNotContain("ranks trials on the test set");
        assertThat(Files.readString(tmp.resolve("v/results.csv")).lines().findFirst().orElseThrow())
                .contains("validation.accuracy", "test.accuracy");

        Path onTest = tmp.resolve("test.yaml");
        Files.writeString(onTest, body.formatted(CliRunner.config("sensors-tabular.yaml"), "test.accuracy"));
        CliRunner.Result tuned = CliRunner.run("sweep", onTest.toString(), "--out", tmp.resolve("t").toString());
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("ranks trials on the test set (test.accuracy)");
        assertThat(Files.readString(tmp.resolve("t/summary.md"))).contains("**This sweep ranks trials on the test set**",
                "objective.metric: validation.accuracy");

        Path noValidation = sweepFile("cat.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                """);
        CliRunner.Result refused = CliRunner.run("sweep", noValidation.toString(), "--out", tmp.resolve("c").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("objective.metric: 'validation.accuracy' needs validation data",
                "add data.validation: {split: 0.2}");
    }

    @Test
    void aResumedSweepReusesTheCoreSplitItMeasuredInsteadOfMeasuringAgain() throws Exception {
        Path file = tmp.resolve("auto.yaml");
        Files.writeString(file, """
                base: %s
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.003, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                executor: {type: local, parallelism: auto}
                """.formatted(CliRunner.config("sensors-tabular.yaml")));
        Path out = tmp.resolve("auto");
        CliRunner.Result first = CliRunner.run("sweep", file.toString(), "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files.readString(out.resolve("executor.json"))).contains("\"local.core_split\"");
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        Files.write(out.resolve("results.jsonl"), lines.subList(0, 1));

        CliRunner.Result resumed = CliRunner.run("sweep", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1 done, 2 to run", "(as measured when the sweep started)");
    }

    private Path tabularSweep(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "base: " + CliRunner.config("sensors-tabular.yaml") + "\n" + body);
        return file;
    }

    @Test
    void ashaStopsTrialsAtRungsRecordsThemAsPrunedAndSaysWhatItSaved() throws Exception {
        Path file = tabularSweep("asha.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.0001, 0.003, 0.00003, 0.03, 0.01, 0.001]
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: asha, reduction_factor: 3, min_epochs: 1}
                executor: {type: local, parallelism: 1}
                """);
        CliRunner.Result result = CliRunner.run("sweep", file.toString(), "--out", tmp.resolve("asha").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("pruned after ");
        String csv = Files.readString(tmp.resolve("asha/results.csv"));
        assertThat(csv).contains(",pruned,").contains(",ok,");
        assertThat(Files.readString(tmp.resolve("asha/summary.md"))).contains("Pruner: ASHA (reduction factor 3,"
                + " rungs at [1, 3, 9, 27, 81] epochs)", "trials were stopped early", "% saved", "history.png",
                // one trial at a time decides in trial order: the replay must agree with every decision
                "Deciding the recorded values in trial order, as one trial at a time does, gives the same decisions.");
        assertThat(tmp.resolve("asha/history.png")).isNotEmptyFile();

        // killed after three trials: the resumed sweep compares the rest with them as before
        Path again = resumedAfter(tmp.resolve("asha"), 3, tmp.resolve("asha-again"));
        assertThat(withoutSeconds(again.resolve("results.jsonl")))
                .isEqualTo(withoutSeconds(tmp.resolve("asha/results.jsonl")));
    }

    @Test
    void aSweepOutIntoAFolderInUseIsRefusedAndOneHoldingASweepIsPointedToResume() throws Exception {
        Path file = tabularSweep("grid.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                """);
        Path earlier = Files.createDirectories(tmp.resolve("earlier"));
        Files.writeString(earlier.resolve("sweep.yaml"), "base: x.yaml\n");
        CliRunner.Result resumable = CliRunner.run("sweep", file.toString(), "--out", earlier.toString());
        assertThat(resumable.exitCode()).isEqualTo(2);
        assertThat(resumable.err()).contains("error: the sweep folder " + earlier + " already exists and is not empty"
                + " (it holds an earlier sweep); continue that sweep with strata sweep --resume " + earlier);

        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine\n");
        CliRunner.Result refused = CliRunner.run("sweep", file.toString(), "--out", other.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("error: the sweep folder " + other + " already exists and is not empty;"
                + " choose another --out, or remove " + other);
        assertThat(other.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSweepRankingOnTheValidationCostPrunesOnItAndPicksTheTrialWithTheLowestLoss() throws Exception {
        Path file = tabularSweep("cost.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.00003, 0.003, 0.0003]
                  training.epochs: [4]
                objective: {metric: validation.cost, goal: minimize}
                pruner: {type: asha, reduction_factor: 3, min_epochs: 1}
                executor: {type: local, parallelism: 1}
                """);
        Path out = tmp.resolve("cost");
        CliRunner.Result result = CliRunner.run("sweep", file.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(out.resolve("results.csv")).lines().findFirst().orElseThrow())
                .contains("validation.cost,validation.accuracy");
        List<Map<String, Object>> trials = Files.readAllLines(out.resolve("results.jsonl")).stream()
                .map(l -> (Map<String, Object>) Json.parse(l)).toList();
        String best = null;
        double lowest = Double.MAX_VALUE;
        for (Map<String, Object> trial : trials) {
            Map<String, Object> metrics = (Map<String, Object>) trial.get("metrics");
            double cost = ((Number) metrics.get("validation.cost")).doubleValue();
            if (!"ok".equals(trial.get("status"))) {
                continue; // a pruned trial writes no report
            }
            // the same figure as the trial's report.json, and (early stopping monitors the cost and keeps
            // the best epoch's parameters) as the best evaluation during training
            Map<String, Object> validation = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(
                    out.resolve("trials").resolve((String) trial.get("id")).resolve("report.json")))).get("validation");
            assertThat(((Number) validation.get("cost")).doubleValue()).isEqualTo(cost);
            assertThat(((Number) validation.get("best")).doubleValue()).isEqualTo(cost);
            if (cost < lowest) {
                lowest = cost;
                best = (String) trial.get("id");
            }
        }
        assertThat(trials).anySatisfy(t -> assertThat(t.get("status")).isEqualTo("pruned"));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("**Best: " + best + "** with validation.cost = ");
    }

    @Test
    void tpeProposesEachTrialFromTheResultsBeforeItAndResumesToTheSameTrials() throws Exception {
        Path file = tabularSweep("tpe.yaml", """
                strategy: tpe
                trials: 5
                startup_trials: 2
                seed: 3
                parameters:
                  optimizer.learning_rate: {distribution: log_uniform, min: 0.0003, max: 0.03}
                  model.layers[0].units: [16, 64]
                objective: {metric: validation.accuracy, goal: maximize}
                """);
        Path out = tmp.resolve("tpe");
        CliRunner.Result first = CliRunner.run("sweep", file.toString(), "--out", out.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(5);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Strategy tpe: 2 random trials");

        Path again = resumedAfter(out, 3, tmp.resolve("tpe-again"));
        assertThat(withoutSeconds(again.resolve("results.jsonl"))).isEqualTo(withoutSeconds(out.resolve("results.jsonl")));
    }

    @Test
    void searchKeysThatCannotWorkAreRefusedWithTheSweepFilesLine() throws Exception {
        Path onTest = tabularSweep("p1.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: test.accuracy, goal: maximize}
                pruner: {type: asha}
                """);
        BadInput.assertRefused(CliRunner.run("sweep", onTest.toString(), "--out", tmp.resolve("x1").toString()),
                "p1.yaml:6:", "a pruner compares trials on the objective's validation metric");
        Path longRung = tabularSweep("p2.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: asha, min_epochs: 500}
                """);
        BadInput.assertRefused(CliRunner.run("sweep", longRung.toString(), "--out", tmp.resolve("x2").toString()),
                "pruner: its first rung (min_epochs: 500) is not before the end of training (150 epochs)");
        Path badFactor = tabularSweep("p3.yaml", """
                strategy: tpe
                trials: 10
                startup_trials: 0
                parameters:
                  optimizer.learning_rate: {distribution: log_uniform, min: 0.001, max: 0.01}
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: asha, reduction_factor: 1}
                """);
        BadInput.assertRefused(CliRunner.run("sweep", badFactor.toString(), "--out", tmp.resolve("x3").toString()),
                "startup_trials must be >= 1", "reduction_factor must be >= 2");
        Path noValidation = sweepFile("p4.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: median}
                """);
        BadInput.assertRefused(CliRunner.run("sweep", noValidation.toString(), "--out", tmp.resolve("x4").toString()),
                "has none", "add data.validation: {split: 0.2}");
        Path spark = tabularSweep("p5.yaml", """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.001, 0.01]
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: asha}
                executor: {type: spark}
                """);
        CliRunner.Result sparkResult = CliRunner.run("sweep", spark.toString(), "--out", tmp.resolve("x5").toString());
        assertThat(sparkResult.exitCode()).isEqualTo(2);
        assertThat(sparkResult.err()).containsAnyOf("the asha pruner compares trials while they run, which the spark"
                + " executor does not report; use pruner: {type: successive_halving}", "unknown sweep executor 'spark'");
        Path halvingWithTpe = tabularSweep("p6.yaml", """
                strategy: tpe
                trials: 4
                parameters:
                  optimizer.learning_rate: {distribution: log_uniform, min: 0.001, max: 0.01}
                objective: {metric: validation.accuracy, goal: maximize}
                pruner: {type: successive_halving}
                """);
        BadInput.assertRefused(CliRunner.run("sweep", halvingWithTpe.toString(), "--out", tmp.resolve("x6").toString()),
                "p6.yaml:7:", "successive_halving trains every trial to a rung before any goes on",
                "use pruner: {type: asha} with tpe");
    }

    @Test
    void successiveHalvingDecidesTheSameAtAnyParallelismAndAfterAResume() throws Exception {
        String body = """
                strategy: grid
                parameters:
                  optimizer.learning_rate: [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
                  training.epochs: [10]
                objective: {metric: validation.cost, goal: minimize}
                pruner: {type: successive_halving, reduction_factor: 2, min_epochs: 1}
                executor: {type: local, parallelism: %d}
                """;
        Path one = tabularSweep("one.yaml", body.formatted(1));
        Path two = tabularSweep("two.yaml", body.formatted(2));
        CliRunner.Result first = CliRunner.run("sweep", one.toString(), "--out", tmp.resolve("one").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Rung at 1 epoch: 6 trials reached it, 3 go on to 2 epochs",
                "Rung at 2 epochs: 3 trials reached it, 1 goes on to 4 epochs");
        CliRunner.Result second = CliRunner.run("sweep", two.toString(), "--out", tmp.resolve("two").toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> expected = withoutSeconds(tmp.resolve("one/results.jsonl")).stream().sorted().toList();
        assertThat(withoutSeconds(tmp.resolve("two/results.jsonl")).stream().sorted().toList()).isEqualTo(expected);
        // rungs at 1, 2, 4 and 8 epochs keep 3, 1, 1 and 1 of 6: five stop, each without its checkpoint
        List<String> lines = Files.readAllLines(tmp.resolve("one/results.jsonl"));
        assertThat(lines).filteredOn(l -> l.contains("\"status\":\"pruned\"")).hasSize(5);
        try (var trials = Files.list(tmp.resolve("one/trials"))) {
            assertThat(trials.filter(t -> Files.exists(t.resolve("checkpoint.npz")))).isEmpty();
        }
        assertThat(Files.readString(tmp.resolve("one/summary.md"))).contains("6 of 6 trials done, 0 failed, 5 pruned.",
                "Pruner: successive halving (reduction factor 2, rungs at [1, 2, 4, 8] epochs)", "pruned after 1 epoch |",
                "The pruner decides synchronously");

        // killed after the first rung's decisions: the resumed sweep trains the rest again and decides alike
        CliRunner.Result resumed = resume(tmp.resolve("one"), 3, tmp.resolve("again"));
        assertThat(withoutSeconds(tmp.resolve("again/results.jsonl")).stream().sorted().toList()).isEqualTo(expected);
        // the recorded trials take part in each rung they reached, in the count of those going on too
        assertThat(resumed.out()).contains("Rung at 1 epoch: 6 trials reached it, 3 go on to 2 epochs");
    }

    /**
     * A copy of sweep folder {@code done} as if killed after its first {@code kept} results, resumed
     * with {@code strata sweep --resume}; returns the copy.
     */
    private static Path resumedAfter(Path done, int kept, Path copy) throws IOException {
        resume(done, kept, copy);
        return copy;
    }

    /** As {@link #resumedAfter}, returning what the resumed sweep printed. */
    private static CliRunner.Result resume(Path done, int kept, Path copy) throws IOException {
        Files.createDirectories(copy);
        for (String name : List.of("sweep.yaml", "base.yaml", "executor.json")) {
            if (Files.exists(done.resolve(name))) {
                Files.copy(done.resolve(name), copy.resolve(name));
            }
        }
        Files.write(copy.resolve("results.jsonl"), Files.readAllLines(done.resolve("results.jsonl")).subList(0, kept));
        CliRunner.Result resumed = CliRunner.run("sweep", "--resume", copy.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        return resumed;
    }

    private static List<String> withoutSeconds(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl).stream().map(l -> l.replaceAll("\"seconds\":[0-9.Ee-]+", "")).toList();
    }
}
