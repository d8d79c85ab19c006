package dev.strata.spi;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" suggestions for misspelled keys and names, for error messages of the engine and of plugins. */
@Api(status = Api.Status.STABLE, since = "0.2")
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} by edit distance (a swap of two neighbours counts as one
     * edit), if it is close enough to be a likely typo; ties go to the first candidate.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(2, Math.min(word.length(), best.length()) / 3)
                || bestDistance >= Math.max(word.length(), best.length())) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** {@code did you mean 'X'? known: a, b, c}, or just {@code known: a, b, c}. */
    public static String fix(String word, Collection<String> candidates) {
        String known = "known: " + (candidates.isEmpty() ? "(none)" : String.join(", ", candidates));
        return closest(word, candidates).map(c -> "did you mean '" + c + "'? " + known).orElse(known);
    }

    /** Comma-separated, in the given order. */
    public static String list(Collection<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
