package dev.strata.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of the objective's spread each swept parameter explains on its own: the correlation
 * ratio η² (the variance between groups of trials over the total), grouping the finished trials by
 * the parameter's value, or into equal-count bins of its values where it has more distinct values
 * than {@link #MAX_GROUPS}. Model-free, so it suits the few trials of a sweep; it ignores interactions,
 * and noise alone gives a parameter of {@code g} groups about {@code (g − 1) / (n − 1)} of n trials'
 * variance, which the table prints beside it.
 */
final class ParameterImportance {
    static final int MIN_TRIALS = 6;
    static final int MAX_GROUPS = 4;

    /** One parameter's share: η², its number of groups, and what chance alone would give. */
    record Share(String path, double explained, int groups, double byChance) {
    }

    private ParameterImportance() {
    }

    /** The shares over the trials with a finite objective, most explained first; empty below {@link #MIN_TRIALS}. */
    static List<Share> of(List<SweptParameter> parameters, List<TrialResult> results, String metric) {
        List<TrialResult> finished = finished(results, metric);
        int n = finished.size();
        if (n < MIN_TRIALS) {
            return List.of();
        }
        double mean = finished.stream().mapToDouble(r -> r.metric(metric)).average().orElse(0);
        double total = finished.stream().mapToDouble(r -> square(r.metric(metric) - mean)).sum();
        List<Share> shares = new ArrayList<>();
        for (SweptParameter p : parameters) {
            int[] group = groups(finished.stream().map(r -> r.parameters().get(p.path())).toList(), n);
            int g = java.util.Arrays.stream(group).max().orElse(0) + 1;
            double[] sum = new double[g];
            int[] count = new int[g];
            for (int i = 0; i < n; i++) {
                sum[group[i]] += finished.get(i).metric(metric);
                count[group[i]]++;
            }
            double between = 0;
            for (int k = 0; k < g; k++) {
                between += count[k] * square(sum[k] / count[k] - mean);
            }
            shares.add(new Share(p.path(), total > 0 ? between / total : 0, g, (g - 1) / (double) (n - 1)));
        }
        shares.sort(Comparator.comparingDouble(Share::explained).reversed());
        return shares;
    }

    /**
     * Each trial's group: by value when there are at most {@link #MAX_GROUPS} distinct values, else
     * numbers by rank into that many equal-count bins (equal values stay together), other values by
     * their text in order of first appearance.
     */
    static int[] groups(List<Object> values, int n) {
        Map<String, Integer> distinct = new LinkedHashMap<>();
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = distinct.computeIfAbsent(ResultsLog.shownText(values.get(i)), k -> distinct.size());
        }
        boolean numeric = values.stream().allMatch(v -> v instanceof Number);
        if (distinct.size() <= MAX_GROUPS || !numeric) {
            return group;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> ((Number) values.get(i)).doubleValue()));
        int first = 0;
        for (int r = 0; r < n; r++) {
            double v = ((Number) values.get(order[r])).doubleValue();
            if (r == 0 || v != ((Number) values.get(order[r - 1])).doubleValue()) {
                first = r;
            }
            group[order[r]] = first * MAX_GROUPS / n;
        }
        // ties can leave a bin empty: number the bins that hold trials 0, 1, ...
        int[] dense = new int[MAX_GROUPS];
        java.util.Arrays.fill(dense, -1);
        int next = 0;
        for (int r = 0; r < n; r++) {
            int bin = group[order[r]];
            if (dense[bin] < 0) {
                dense[bin] = next++;
            }
        }
        for (int i = 0; i < n; i++) {
            group[i] = dense[group[i]];
        }
        return group;
    }

    /** summary.md's section, or an empty string below {@link #MIN_TRIALS} finished trials. */
    static String markdown(List<SweptParameter> parameters, List<TrialResult> results, String metric) {
        List<Share> shares = of(parameters, results, metric);
        if (shares.isEmpty()) {
            return "";
        }
        int n = finished(results, metric).size();
        StringBuilder md = new StringBuilder("\n## Parameter importance\n\n");
        md.append(String.format(Locale.ROOT, "The share of %s's variance over the %d finished trials that each"
                + " parameter explains on its own (η², the correlation ratio: trials grouped by the parameter's value,"
                + " or into %d equal-count bins of a parameter with more values). It ignores interactions; a share near"
                + " the one chance alone gives says little.%n%n", metric, n, MAX_GROUPS));
        md.append("| parameter | variance explained | groups | by chance alone |\n|---|---|---|---|\n");
        for (Share s : shares) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %.2f |%n", s.path(), s.explained(), s.groups(),
                    s.byChance()));
        }
        return md.toString();
    }

    /** The trials with a finite objective, the ones the shares are over. */
    private static List<TrialResult> finished(List<TrialResult> results, String metric) {
        return results.stream().filter(r -> r.ok() && Double.isFinite(r.metric(metric))).toList();
    }

    private static double square(double x) {
        return x * x;
    }
}
