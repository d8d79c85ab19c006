package dev.strata.data;

import dev.strata.spi.BadInputException;
import java.util.HashSet;
import java.util.List;

/**
 * The training data's feature columns against another split's or a file's: features are matched by
 * position, so a file with the same columns in another order would train or predict on the wrong
 * ones without a word. Only formats that name their features (a CSV header) can be checked.
 */
public final class FeatureNames {
    private static final int LISTED = 8;

    private FeatureNames() {
    }

    /**
     * Refuses {@code given} names that differ from the training data's, the message starting with
     * {@code where} (a file, or a spec's YAML location and key); nothing to check where either side has none.
     */
    public static void require(List<String> training, List<String> given, String where) {
        String mismatch = mismatch(training, given);
        if (mismatch != null) {
            throw new BadInputException(where + ": " + mismatch, fix(training));
        }
    }

    /**
     * What differs, as {@code feature 3 is 'humidity' where ...}, or {@code null} when the names agree
     * or either side has none. Widths are checked before, with their own message.
     */
    public static String mismatch(List<String> training, List<String> given) {
        if (training == null || given == null || training.equals(given) || training.size() != given.size()) {
            return null;
        }
        int i = 0;
        while (training.get(i).equals(given.get(i))) {
            i++;
        }
        boolean reordered = new HashSet<>(training).equals(new HashSet<>(given));
        boolean headless = given.stream().allMatch(FeatureNames::isNumber) && !training.stream().allMatch(
                FeatureNames::isNumber);
        return "feature " + (i + 1) + " is '" + given.get(i) + "' where the training data has '" + training.get(i)
                + "'" + (reordered ? " (the same columns in another order)" : headless
                        ? " (its first row holds numbers: is its header row missing?)" : "");
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** How to fix a mismatch: the training data's columns, in order. */
    public static String fix(List<String> training) {
        String names = String.join(", ", training.subList(0, Math.min(LISTED, training.size())))
                + (training.size() > LISTED ? ", ... (" + training.size() + " in all)" : "");
        return "give the features the model was trained on, in the training data's order: " + names;
    }
}
