package dev.strata.spi;

import java.util.List;
import java.util.Random;

/**
 * An adaptive sweep strategy: proposes the next trial's values from the finished trials before it
 * ({@code strategy: NAME} in a sweep file; TPE is the built-in one). The engine owns everything
 * else: the first {@code startup_trials} trials are drawn at random, the trials run one at a time
 * (each proposal sees every result before it), failed trials are left out of {@code finished},
 * and the random stream of a proposal comes from the sweep's seed and the trial's number, so a
 * resumed sweep proposes the same trials.
 *
 * <p>Lifetime: one instance per sweep run ({@link SearchStrategyFactory#create}); called from one
 * thread at a time. A strategy must keep no state between calls that {@code finished} and
 * {@code random} do not give it: a resumed sweep creates a new one.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.3")
public interface SearchStrategy {
    /** A finished trial: its values in the order of the search space, and its objective (finite). */
    record Observation(List<Object> values, double objective) {
        public Observation {
            values = List.copyOf(values);
        }
    }

    /**
     * The values of trial {@code trial} (0-based), one per dimension of the search space, in its
     * order: a value of a {@link SearchDimension.Kind#VALUES} dimension must be one of its values,
     * and a distribution's within {@code [min, max]} (a {@code Long} for integers).
     */
    List<Object> propose(int trial, List<Observation> finished, Random random);
}
