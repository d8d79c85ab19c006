package dev.strata.data;

import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class labels read as text (a CSV's {@code label_column} of names): the classes are the training
 * split's names in sorted order (sklearn's {@code LabelEncoder}), or the order of
 * {@code data.class_names} when the spec gives one; every split's codes are rewritten as indices
 * into that order, and a name the classes do not hold is refused.
 */
final class TextLabels {
    private TextLabels() {
    }

    /** The class order, or {@code null} when the training labels are numbers. */
    static List<String> order(Read train, List<String> declared, ModelSpec spec) {
        List<String> names = train.labelNames();
        if (names == null) {
            return null;
        }
        if (declared != null) {
            return declared;
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return sorted;
    }

    /** Rewrites {@code split}'s codes as indices into {@code order}. */
    static void remap(Read split, List<String> order, ModelSpec spec, String name) {
        if (split == null) {
            return;
        }
        List<String> names = split.labelNames();
        String at = spec.source().locate("data." + name) + ": data." + name + ": ";
        if (names == null) {
            throw new BadInputException(at + "labels are numbers, but the training labels are class names "
                    + order, "write the " + name + " labels as the same class names");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        int[] recode = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            Integer k = index.get(names.get(c));
            if (k == null) {
                throw new BadInputException(at + "the label '" + names.get(c) + "' is not one of the classes "
                        + order, spec.data().classNames() != null ? "add it to data.class_names, or fix the label"
                        : "fix the label, or add examples of that class to the training data");
            }
            recode[c] = k;
        }
        double[] labels = split.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = recode[(int) labels[i]];
        }
    }
}
