package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {
    private static SuccessiveHalving halving(int eta, boolean maximize) {
        return new SuccessiveHalving(new Pruning(Pruning.Kind.SUCCESSIVE_HALVING, eta, 1, 0, 5),
                new Objective(maximize ? "validation.accuracy" : "validation.cost", maximize), 60, true, line -> { });
    }

    private static Map<String, Double> values(Object... idsAndValues) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            out.put((String) idsAndValues[i], (Double) idsAndValues[i + 1]);
        }
        return out;
    }

    @Test
    void theBestThirdOfARungGoesOnWhateverOrderTheValuesCameIn() {
        Map<String, Double> costs = values("t6", 0.6, "t1", 0.9, "t3", 0.5, "t2", 0.7, "t5", 0.8, "t4", 0.4);
        assertThat(halving(3, false).promoted(costs)).containsExactly("t4", "t3");
        Map<String, Double> accuracies = values("t1", 0.7, "t2", 0.9, "t3", 0.8);
        assertThat(halving(3, true).promoted(accuracies)).containsExactly("t2");
    }

    @Test
    void oneTrialAlwaysGoesOnTiesGoToTheEarlierTrialAndNaNNever() {
        assertThat(halving(3, false).promoted(values("t2", 0.5, "t1", 0.5))).containsExactly("t1");
        assertThat(halving(2, false).promoted(values("t1", Double.NaN, "t2", 0.9))).containsExactly("t2");
        assertThat(halving(2, false).promoted(values("t1", Double.NaN))).isEmpty();
    }

    @Test
    void rungsLieInsideTheTrainingAtTheReductionFactorsPowers() {
        assertThat(new Pruning(Pruning.Kind.SUCCESSIVE_HALVING, 3, 1, 0, 5).rungs(60)).containsExactly(1, 3, 9, 27);
        assertThat(new Pruning(Pruning.Kind.SUCCESSIVE_HALVING, 2, 5, 0, 5).rungs(40)).containsExactly(5, 10, 20);
    }

    @Test
    void hyperbandsBracketsStartAtEachRungAndHalveFromThere() {
        List<Pruning> brackets = new Pruning(Pruning.Kind.HYPERBAND, 3, 1, 0, 5).brackets(60);
        assertThat(brackets).extracting(Pruning::minSteps).containsExactly(1, 3, 9, 27);
        assertThat(brackets).allSatisfy(b -> assertThat(b.kind()).isEqualTo(Pruning.Kind.SUCCESSIVE_HALVING));
        assertThat(brackets.get(2).rungs(60)).containsExactly(9, 27);
    }
}
