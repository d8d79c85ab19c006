package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {
    @TempDir
    Path dir;

    private static TrialResult ok(String id, double accuracy) {
        return new TrialResult(id, Map.of("optimizer.learning_rate", 0.01), Map.of("test.accuracy", accuracy,
                "final_cost", 0.5), 1.5, "ok", null);
    }

    @Test
    void linesReadBackExactlyAndEndInIdOrder() throws Exception {
        try (ResultsLog log = ResultsLog.create(dir, List.of("optimizer.learning_rate"))) {
            log.append(ok("t0002-bbbbbb", 0.7));
            log.append(new TrialResult("t0001-aaaaaa", Map.of("optimizer.learning_rate", 1e6), Map.of(), 0.1, "failed",
                    "training diverged, \"badly\""));
            log.finish();
        }
        List<TrialResult> read = ResultsLog.read(dir.resolve(ResultsLog.JSONL));
        assertThat(read).extracting(TrialResult::id).containsExactly("t0001-aaaaaa", "t0002-bbbbbb");
        assertThat(read.get(1)).isEqualTo(ok("t0002-bbbbbb", 0.7));
        assertThat(read.get(0).error()).isEqualTo("training diverged, \"badly\"");
        assertThat(Files.readAllLines(dir.resolve(ResultsLog.CSV))).containsSequence(
                "t0001-aaaaaa,failed,0.1,1000000.0,,,,,,,,,,\"training diverged, \"\"badly\"\"\"");
    }

    @Test
    void aTornLastLineIsDroppedOnResumeButABadLineBeforeItIsAnError() throws Exception {
        try (ResultsLog log = ResultsLog.create(dir, List.of("optimizer.learning_rate"))) {
            log.append(ok("t0001-aaaaaa", 0.7));
        }
        Path jsonl = dir.resolve(ResultsLog.JSONL);
        Files.writeString(jsonl, "{\"id\": \"t0002-", StandardOpenOption.APPEND);
        try (ResultsLog log = ResultsLog.resume(dir, List.of("optimizer.learning_rate"), Objective.CLASSIFICATION)) {
            assertThat(log.results()).containsOnlyKeys("t0001-aaaaaa");
            log.append(ok("t0002-bbbbbb", 0.8));
        }
        assertThat(ResultsLog.read(jsonl)).extracting(TrialResult::id).containsExactly("t0001-aaaaaa", "t0002-bbbbbb");

        Files.writeString(jsonl, "not json\n" + Files.readString(jsonl));
        assertThatThrownBy(() -> ResultsLog.read(jsonl)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 1 is not a trial result");
    }

    @Test
    void rankingPutsTheBestFirstBreaksTiesByCostAndFailuresLast() {
        TrialResult cheap = new TrialResult("t0003", Map.of(), Map.of("test.accuracy", 0.8, "final_cost", 0.1), 1, "ok",
                null);
        TrialResult dear = new TrialResult("t0001", Map.of(), Map.of("test.accuracy", 0.8, "final_cost", 0.4), 1, "ok",
                null);
        TrialResult worse = new TrialResult("t0002", Map.of(), Map.of("test.accuracy", 0.6, "final_cost", 0.05), 1,
                "ok", null);
        TrialResult failed = new TrialResult("t0000", Map.of(), Map.of(), 1, "failed", "diverged");
        assertThat(SweepReport.rank(List.of(failed, worse, dear, cheap), new Objective("test.accuracy", true)))
                .containsExactly(cheap, dear, worse, failed);
        assertThat(SweepReport.rank(List.of(failed, worse, dear, cheap), new Objective("final_cost", false)))
                .containsExactly(worse, cheap, dear, failed);
    }

    @Test
    void valuesAreShownToPeopleAsWrittenAndKeptInTheCsvAsJavaReadsThemBack() {
        assertThat(ResultsLog.shownText(3e-5)).isEqualTo("3e-5");
        assertThat(ResultsLog.shownText(List.of(20L, 7L))).isEqualTo("[20, 7]");
        assertThat(ResultsLog.valueText(3e-5)).isEqualTo("3.0E-5");
    }
}
