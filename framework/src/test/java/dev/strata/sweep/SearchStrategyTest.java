package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.plugins.search.TpeStrategyFactory;
import dev.strata.spi.SearchStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TPE and the pruners on synthetic objectives: reproducible, and better than chance where they should be. */
class SearchStrategyTest {
    private static final SweptParameter RATE = new SweptParameter("optimizer.learning_rate", null,
            new Domain.Distribution(Domain.Distribution.Kind.LOG_UNIFORM, 1e-5, 1), List.of());
    private static final SweptParameter UNITS = new SweptParameter("model.layers[0].units", null,
            new Domain.Choices(List.of(8L, 16L, 32L, 64L, 128L)), List.of());

    /** Best at a rate of 3e-3 and 32 units; a smooth bowl in log(rate). */
    private static double objective(List<Object> values) {
        double r = Math.log10(((Number) values.get(0)).doubleValue()) - Math.log10(3e-3);
        double u = Math.abs(List.of(8L, 16L, 32L, 64L, 128L).indexOf(values.get(1)) - 2);
        return -r * r - 0.3 * u;
    }

    /** TPE as a sweep finds it: the plugin, behind the engine's startup draws and random streams. */
    private static AdaptiveSearch tpe(long seed, int startup) {
        List<SweptParameter> space = List.of(RATE, UNITS);
        return new AdaptiveSearch(space, new TpeStrategyFactory(), seed, startup, "validation.accuracy", true);
    }

    private static double bestAfter(int trials, long seed, boolean tpe) {
        AdaptiveSearch sampler = tpe(seed, tpe ? 10 : Integer.MAX_VALUE);
        List<SearchStrategy.Observation> history = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trials; i++) {
            List<Object> values = sampler.proposeFrom(i, history).stream().map(TrialPlanner.Pick::value).toList();
            double y = objective(values);
            history.add(new SearchStrategy.Observation(values, y));
            best = Math.max(best, y);
        }
        return best;
    }

    @Test
    void proposalsAreReproducibleFromTheSeedAndTheResultsSoFar() {
        AdaptiveSearch a = tpe(7, 3);
        AdaptiveSearch b = tpe(7, 3);
        List<SearchStrategy.Observation> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<Object> va = a.proposeFrom(i, history).stream().map(TrialPlanner.Pick::value).toList();
            List<Object> vb = b.proposeFrom(i, history).stream().map(TrialPlanner.Pick::value).toList();
            assertThat(va).isEqualTo(vb);
            history.add(new SearchStrategy.Observation(va, objective(va)));
        }
    }

    @Test
    void tpeBeatsRandomSearchOnASmoothObjectiveInTheMedianOfSeeds() {
        List<Double> tpe = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (long seed = 1; seed <= 9; seed++) {
            tpe.add(bestAfter(40, seed, true));
            random.add(bestAfter(40, seed, false));
        }
        tpe.sort(null);
        random.sort(null);
        assertThat(tpe.get(4)).as("median best of TPE %s against random %s", tpe, random).isGreaterThan(random.get(4));
    }

    @Test
    void ashaLetsOnlyTheBestThirdOfEachRungGoOnAndTheFirstAlways() {
        Pruning pruning = new Pruning(Pruning.Kind.ASHA, 3, 1, 0, 5);
        Pruner asha = new Pruner(pruning, true);
        assertThat(pruning.rungs(30)).containsExactly(1, 3, 9, 27);
        assertThat(asha.report("a", 1, 0.5)).as("first at the rung").isFalse();
        assertThat(asha.report("b", 1, 0.4)).as("2 values: top 1 is a").isTrue();
        assertThat(asha.report("c", 1, 0.9)).as("3 values: top 1 is c").isFalse();
        assertThat(asha.report("d", 1, 0.6)).as("4 values: top 1 is c (0.9)").isTrue();
        assertThat(asha.report("c", 2, 0.95)).as("between rungs").isFalse();
        assertThat(asha.report("c", 3, 0.95)).as("first at rung 3").isFalse();
        assertThat(asha.report("e", 1, Double.NaN)).as("NaN stops").isTrue();
    }

    @Test
    void theMedianRuleStopsATrialWorseThanTheOthersMedianAfterTheWarmUp() {
        Pruner median = new Pruner(new Pruning(Pruning.Kind.MEDIAN, 3, 1, 2, 2), false);
        assertThat(median.report("a", 1, 0.9)).isFalse();
        assertThat(median.report("b", 1, 0.8)).isFalse();
        assertThat(median.report("c", 1, 0.1)).as("warm-up").isFalse();
        assertThat(median.report("a", 2, 0.5)).as("too few others at step 2").isFalse();
        assertThat(median.report("b", 2, 0.7)).as("one other").isFalse();
        assertThat(median.report("c", 2, 0.65)).as("better than the median 0.6 of a and b? no: minimize, 0.65 > 0.6")
                .isTrue();
        assertThat(median.report("d", 2, 0.55)).as("0.55 <= median of 0.5, 0.7, 0.65 = 0.65").isFalse();
    }

    @Test
    void nearbyTrialNumbersGiveUnrelatedDraws() {
        List<Double> firsts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            firsts.add(new Random(AdaptiveSearch.mix(1_000_003L + i)).nextDouble());
        }
        double spread = firsts.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - firsts.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        assertThat(spread).isGreaterThan(0.5);
    }

    @Test
    void aDivergedOrPrunedTrialCountsAsTheWorstResultAndOtherFailuresAsNone() {
        AdaptiveSearch sampler = tpe(3, 2);
        List<TrialResult> finished = List.of(trial(0.01, 32L, "ok", 0.71, null), trial(0.9, 64L, "failed", null,
                dev.strata.engine.DivergenceException.DIVERGED + "the cost became Infinity at iteration 40"),
                trial(0.002, 16L, "ok", 0.64, null), trial(0.003, 8L, "failed", null, "No space left on device"),
                trial(0.0001, 128L, "pruned", 0.30, null));
        // a pruned trial's value at its rung is not comparable with finished ones': it ranks below them all
        List<SearchStrategy.Observation> expected = List.of(new SearchStrategy.Observation(List.of(0.01, 32L), 0.71),
                new SearchStrategy.Observation(List.of(0.9, 64L), 0.64),
                new SearchStrategy.Observation(List.of(0.002, 16L), 0.64),
                new SearchStrategy.Observation(List.of(0.0001, 128L), 0.64));
        for (int i = 5; i < 9; i++) {
            assertThat(sampler.propose(i, finished)).as("trial %d", i).isEqualTo(sampler.proposeFrom(i, expected));
        }
    }

    private static TrialResult trial(double rate, long units, String status, Double accuracy, String error) {
        return new TrialResult("t", java.util.Map.of(RATE.path(), rate, UNITS.path(), units),
                accuracy == null ? java.util.Map.of() : java.util.Map.of("validation.accuracy", accuracy), 1.0, status,
                error);
    }
}
