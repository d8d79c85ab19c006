package dev.strata.sweep;

import dev.strata.spec.Location;
import dev.strata.spec.Selector;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated sweep file.
 *
 * @param file the sweep file as given
 * @param base the base spec, absolute
 * @param baseLocation where {@code base:} is written, for errors of the base spec as a whole
 * @param trials the number of trials of a random sweep; 0 for grid
 * @param parameters in file order
 * @param objectiveLocation where {@code objective:} is written, for checks that need the base spec
 * @param executor the executor plugin and its validated parameters
 * @param startupTrials an adaptive strategy's random trials before it proposes (Optuna's n_startup_trials)
 * @param pruning how trials are stopped early, or {@code null} to train every trial to the end
 * @param adaptiveStrategy the search strategy plugin's name ({@code tpe}) when the strategy is adaptive, else null
 */
public record SweepSpec(Path file, Path base, Location baseLocation, Strategy strategy, int trials, long seed,
        List<SweptParameter> parameters, Objective objective, Location objectiveLocation, Selector executor,
        int startupTrials, Pruning pruning, String adaptiveStrategy) {

    public SweepSpec {
        parameters = List.copyOf(parameters);
    }

    /** The name the sweep file gives its strategy: {@code grid}, {@code random}, or a search strategy plugin's. */
    public String strategyName() {
        return strategy == Strategy.ADAPTIVE ? adaptiveStrategy : strategy.yamlName();
    }

    /** Grid and random plan every trial up front; an adaptive strategy (a plugin) proposes one at a time. */
    public enum Strategy {
        GRID, RANDOM, ADAPTIVE;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
