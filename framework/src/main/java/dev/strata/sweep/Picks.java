package dev.strata.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The values of each trial: a grid's combinations, random draws, and the extremes a TPE sweep checks first. */
final class Picks {
    private Picks() {
    }

    /** A trial of every domain's smallest values and one of its largest, for checking a TPE sweep up front. */
    static List<List<TrialPlanner.Pick>> extremes(List<SweptParameter> parameters) {
        List<List<TrialPlanner.Pick>> out = new ArrayList<>();
        for (boolean largest : new boolean[] {false, true}) {
            List<TrialPlanner.Pick> row = new ArrayList<>();
            for (SweptParameter p : parameters) {
                if (p.domain() instanceof Domain.Distribution d) {
                    double v = largest ? d.max() : d.min();
                    row.add(new TrialPlanner.Pick(d.kind() == Domain.Distribution.Kind.INT_UNIFORM ? (Object) (long) v : v, -1));
                } else {
                    List<Object> values = values(p.domain());
                    int i = largest ? values.size() - 1 : 0;
                    row.add(new TrialPlanner.Pick(values.get(i), p.domain() instanceof Domain.Choices ? i : -1));
                }
            }
            out.add(row);
        }
        return out;
    }

    static List<List<TrialPlanner.Pick>> grid(List<SweptParameter> parameters) {
        List<List<TrialPlanner.Pick>> out = new ArrayList<>();
        out.add(List.of());
        for (SweptParameter parameter : parameters) {
            List<Object> values = values(parameter.domain());
            List<List<TrialPlanner.Pick>> next = new ArrayList<>();
            for (List<TrialPlanner.Pick> prefix : out) {
                for (int i = 0; i < values.size(); i++) {
                    List<TrialPlanner.Pick> row = new ArrayList<>(prefix);
                    row.add(new TrialPlanner.Pick(values.get(i), parameter.domain() instanceof Domain.Choices ? i : -1));
                    next.add(row);
                }
            }
            out = next;
        }
        return out;
    }

    static List<List<TrialPlanner.Pick>> random(List<SweptParameter> parameters, int trials, long seed) {
        Random random = new Random(seed);
        List<List<TrialPlanner.Pick>> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            List<TrialPlanner.Pick> row = new ArrayList<>();
            for (SweptParameter parameter : parameters) {
                row.add(draw(parameter.domain(), random));
            }
            out.add(row);
        }
        return out;
    }

    static TrialPlanner.Pick draw(Domain domain, Random random) {
        return pick(domain, AdaptiveSearch.dimension("", domain).draw(random));
    }

    /** {@code value} as a pick of {@code domain}: with its index when the sweep file lists the values. */
    static TrialPlanner.Pick pick(Domain domain, Object value) {
        if (!(domain instanceof Domain.Choices choices)) {
            return new TrialPlanner.Pick(value, -1);
        }
        int i = AdaptiveSearch.dimension("", domain).indexOf(value);
        if (i < 0) {
            throw new IllegalStateException(value + " is not one of " + choices.values());
        }
        return new TrialPlanner.Pick(choices.values().get(i), i);
    }

    static List<Object> values(Domain domain) {
        if (domain instanceof Domain.Choices c) {
            return c.values();
        }
        if (domain instanceof Domain.Range r) {
            return r.points();
        }
        throw new IllegalStateException("a distribution has no fixed values");
    }

}
