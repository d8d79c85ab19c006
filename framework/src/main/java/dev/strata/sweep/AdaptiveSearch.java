package dev.strata.sweep;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Params;
import dev.strata.spi.SearchDimension;
import dev.strata.spi.SearchStrategy;
import dev.strata.spi.SearchStrategyFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the engine owns around an adaptive strategy plugin: the first {@code startup} trials drawn
 * from the domains as the random strategy draws them, the finished trials' values and finite
 * objectives (a trial that a pruner stopped or whose training diverged counts as the worst of them,
 * below every trial that finished, as Optuna's TPE ranks a pruned trial, so that a strategy learns to
 * avoid its region), and each proposal's random stream, drawn from the sweep's seed and the trial's number
 * only, so that a resumed sweep with the same results so far proposes the same trials.
 */
final class AdaptiveSearch {
    private final List<SweptParameter> parameters;
    private final List<SearchDimension> space;
    private final SearchStrategy strategy;
    private final long seed;
    private final int startup;
    private final Objective objective;
    private final String name;

    AdaptiveSearch(SweepSpec sweep, SearchStrategyFactory factory) {
        this(sweep.parameters(), factory, sweep.seed(), sweep.startupTrials(), sweep.objective().metric(),
                sweep.objective().maximize());
    }

    AdaptiveSearch(List<SweptParameter> parameters, SearchStrategyFactory factory, long seed, int startup,
            String metric, boolean maximize) {
        this.parameters = List.copyOf(parameters);
        this.space = space(parameters);
        this.name = factory.name();
        this.strategy = factory.create(Params.empty(), space, maximize);
        this.seed = seed;
        this.startup = startup;
        this.objective = new Objective(metric, maximize);
    }

    private BadInputException refused(String what, Throwable cause) {
        return new BadInputException("search strategy '" + name + "' " + what, "fix the strategy plugin, or choose"
                + " another strategy in the sweep file", cause);
    }

    /** The swept parameters as a strategy sees them: lists and ranges as values, distributions as such. */
    static List<SearchDimension> space(List<SweptParameter> parameters) {
        return parameters.stream().map(p -> dimension(p.path(), p.domain())).toList();
    }

    static SearchDimension dimension(String path, Domain domain) {
        if (domain instanceof Domain.Distribution d) {
            return SearchDimension.between(path, switch (d.kind()) {
                case UNIFORM -> SearchDimension.Kind.UNIFORM;
                case LOG_UNIFORM -> SearchDimension.Kind.LOG_UNIFORM;
                case INT_UNIFORM -> SearchDimension.Kind.INT_UNIFORM;
            }, d.min(), d.max());
        }
        return SearchDimension.of(path, Picks.values(domain));
    }

    /** The values of trial {@code index} (0-based), given the trials finished before it. */
    List<TrialPlanner.Pick> propose(int index, List<TrialResult> finished) {
        double worst = Double.NaN;
        for (TrialResult r : finished) {
            double value = value(r);
            if (Double.isFinite(value) && (Double.isNaN(worst) || objective.better(worst, value))) {
                worst = value;
            }
        }
        List<SearchStrategy.Observation> history = new ArrayList<>();
        for (TrialResult r : finished) {
            double value = value(r);
            if (Double.isFinite(value) || (r.diverged() || r.pruned()) && !Double.isNaN(worst)) {
                List<Object> values = new ArrayList<>();
                parameters.forEach(p -> values.add(r.parameters().get(p.path())));
                history.add(new SearchStrategy.Observation(values, Double.isFinite(value) ? value : worst));
            }
        }
        return proposeFrom(index, history);
    }

    /** A finished trial's objective, NaN for one that did not finish. */
    private double value(TrialResult r) {
        return r.ok() ? r.metric(objective.metric()) : Double.NaN;
    }

    /** As {@link #propose}, from the finished trials' values and finite objectives. */
    List<TrialPlanner.Pick> proposeFrom(int index, List<SearchStrategy.Observation> history) {
        Random random = new Random(mix(seed * 1_000_003L + index));
        List<Object> values = new ArrayList<>();
        if (history.size() < startup) {
            space.forEach(d -> values.add(d.draw(random)));
        } else {
            try {
                values.addAll(strategy.propose(index, history, random));
            } catch (RuntimeException e) {
                throw refused("failed proposing trial " + (index + 1) + ": " + e, e);
            }
            if (values.size() != space.size()) {
                throw refused("proposed " + values.size() + " values for " + space.size() + " parameters", null);
            }
        }
        List<TrialPlanner.Pick> out = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            SearchDimension d = space.get(p);
            Object v = values.get(p);
            boolean inRange = d.kind() == SearchDimension.Kind.VALUES || v instanceof Number n
                    && n.doubleValue() >= d.min() && n.doubleValue() <= d.max();
            try {
                if (!inRange) {
                    throw new IllegalArgumentException(v + " is outside [" + d.min() + ", " + d.max() + "]");
                }
                out.add(Picks.pick(parameters.get(p).domain(), v));
            } catch (RuntimeException e) {
                throw refused("proposed " + v + " for " + d.path() + ", which the sweep does not allow ("
                        + e.getMessage() + ")", null);
            }
        }
        return out;
    }

    /** SplitMix64's finaliser: nearby seeds (trial numbers) give unrelated streams, which java.util.Random's do not. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
