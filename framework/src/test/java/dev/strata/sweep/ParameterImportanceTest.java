package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {
    private static final SweptParameter RATE = new SweptParameter("optimizer.learning_rate", null,
            new Domain.Distribution(Domain.Distribution.Kind.LOG_UNIFORM, 1e-4, 1e-1), List.of());
    private static final SweptParameter UNITS = new SweptParameter("model.layers[0].units", null,
            new Domain.Choices(List.of(16L, 64L)), List.of());

    private static TrialResult trial(double rate, long units, double accuracy) {
        return new TrialResult("t", Map.of(RATE.path(), rate, UNITS.path(), units),
                Map.of("validation.accuracy", accuracy), 1.0, "ok", null);
    }

    @Test
    void aParameterThatDecidesTheObjectiveExplainsItAndOneThatDoesNotExplainsNothing() {
        // the accuracy rises with the rate's quartile and does not depend on the units at all
        List<TrialResult> results = new ArrayList<>();
        double[] rates = {1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2};
        for (int i = 0; i < rates.length; i++) {
            results.add(trial(rates[i], i % 2 == 0 ? 16L : 64L, 0.5 + 0.1 * (i / 2)));
        }
        List<ParameterImportance.Share> shares = ParameterImportance.of(List.of(UNITS, RATE), results,
                "validation.accuracy");

        assertThat(shares.get(0).path()).isEqualTo(RATE.path());
        assertThat(shares.get(0).explained()).isCloseTo(1.0, within(1e-12));
        assertThat(shares.get(0).groups()).isEqualTo(4);
        assertThat(shares.get(0).byChance()).isCloseTo(3 / 7.0, within(1e-12));
        // within each pair the units alternate, so each unit group's mean is the overall mean
        assertThat(shares.get(1).explained()).isCloseTo(0.0, within(1e-12));
        assertThat(shares.get(1).groups()).isEqualTo(2);
    }

    @Test
    void theShareIsTheCorrelationRatioOfTheGroups() {
        // units 16: 0.6, 0.7, 0.8 (mean 0.7); units 64: 0.5, 0.5, 0.8 (mean 0.6); overall mean 0.65
        double[] accuracy = {0.6, 0.5, 0.7, 0.5, 0.8, 0.8};
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < accuracy.length; i++) {
            results.add(trial(1e-3, i % 2 == 0 ? 16L : 64L, accuracy[i]));
        }
        double total = 0.0025 + 0.0225 + 0.0025 + 0.0225 + 0.0225 + 0.0225;
        double between = 3 * 0.0025 + 3 * 0.0025;
        ParameterImportance.Share units = ParameterImportance.of(List.of(UNITS), results, "validation.accuracy").get(0);
        assertThat(units.explained()).isCloseTo(between / total, within(1e-12));
    }

    @Test
    void tiesStayInOneBinAndFailedOrFewTrialsGiveNoSection() {
        List<Object> values = List.of(1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(ParameterImportance.groups(values, values.size())).containsExactly(0, 0, 0, 0, 1, 1, 2, 2);

        List<TrialResult> few = new ArrayList<>();
        for (int i = 0; i < ParameterImportance.MIN_TRIALS - 1; i++) {
            few.add(trial(1e-3 * (i + 1), 16L, 0.5 + 0.01 * i));
        }
        few.add(new TrialResult("f", Map.of(RATE.path(), 0.09, UNITS.path(), 64L), Map.of(), 1.0, "failed", "x"));
        assertThat(ParameterImportance.markdown(List.of(RATE, UNITS), few, "validation.accuracy")).isEmpty();
    }
}
