package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.TrialOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsynchronyCheckTest {
    private static final Pruning ASHA = new Pruning(Pruning.Kind.ASHA, 2, 1, 0, 5);

    private static TrialResult trial(String id, String status, double... stepsAndValues) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < stepsAndValues.length; i += 2) {
            metrics.put(Pruner.KEY + (int) stepsAndValues[i], stepsAndValues[i + 1]);
        }
        return new TrialResult(id, Map.of(), metrics, 1, status, null);
    }

    @Test
    void aTrialStoppedBecauseABetterOneReachedTheRungFirstIsNamed() {
        // t2 reached epoch 1 first and went on; t1 came second, worse, and stopped. In trial order
        // t1 is first at the rung and always goes on.
        List<TrialResult> results = List.of(trial("t2", TrialOutcome.OK, 1, 0.9, 2, 0.92),
                trial("t1", TrialOutcome.PRUNED, 1, 0.5));
        assertThat(AsynchronyCheck.differences(ASHA, true, results, true))
                .containsExactly("t1 stopped at 1 epoch; in trial order it would have gone on");
    }

    @Test
    void aTrialThatWentOnOnlyBecauseItArrivedFirstIsNamedToo() {
        // t2 was first at epoch 1 and went on; in trial order t1's better value is there before it
        List<TrialResult> results = List.of(trial("t1", TrialOutcome.OK, 1, 0.9, 2, 0.95),
                trial("t2", TrialOutcome.OK, 1, 0.5, 2, 0.6));
        assertThat(AsynchronyCheck.differences(ASHA, true, results, true))
                .containsExactly("t2 went on at 1 epoch; in trial order it would have stopped there");
    }

    @Test
    void decisionsMadeInTrialOrderReplayUnchanged() {
        List<TrialResult> results = List.of(trial("t1", TrialOutcome.OK, 1, 0.5, 2, 0.6),
                trial("t2", TrialOutcome.OK, 1, 0.9, 2, 0.95), trial("t3", TrialOutcome.PRUNED, 1, 0.1),
                trial("t4", TrialOutcome.FAILED));
        assertThat(AsynchronyCheck.differences(ASHA, true, results, true)).isEmpty();
    }
}
