package dev.strata.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classification metrics.
 *
 * @param precision for two classes, of class 1; otherwise the macro average over classes (as recall
 *     and f1: the unweighted mean of the per-class figures, sklearn's {@code average="macro"})
 * @param confusionMatrix rows are actual classes, columns predicted: {@code [[tn, fp], [fn, tp]]} for
 *     two classes
 * @param predictions the predicted class of each example
 * @param probabilities the probability of the predicted class (two classes: of class 1)
 */
public record Classification(int examples, double accuracy, double precision, double recall, double f1,
        long[][] confusionMatrix, int[] predictions, double[] probabilities) implements Metrics {
    public static final List<String> NAMES = List.of("accuracy", "precision", "recall", "f1");

    @Override
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", accuracy);
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("f1", f1);
        return out;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public String headline() {
        return String.format(Locale.ROOT, "accuracy: %.6f", accuracy);
    }

    static Classification of(double[] outputs, int units, double[] labels, double threshold) {
        int m = labels.length;
        int classes = Math.max(2, units);
        int[] predicted = new int[m];
        double[] probability = new double[m];
        for (int i = 0; i < m; i++) {
            int base = i * units;
            if (units == 1) {
                predicted[i] = outputs[base] > threshold ? 1 : 0;
                probability[i] = outputs[base];
            } else {
                int best = 0;
                for (int k = 1; k < units; k++) {
                    if (outputs[base + k] > outputs[base + best]) {
                        best = k;
                    }
                }
                predicted[i] = best;
                probability[i] = outputs[base + best];
            }
        }
        long[][] confusion = new long[classes][classes];
        int correct = 0;
        for (int i = 0; i < m; i++) {
            int actual = (int) labels[i];
            confusion[actual][predicted[i]]++;
            if (actual == predicted[i]) {
                correct++;
            }
        }
        double precision;
        double recall;
        double f1;
        if (classes == 2) {
            precision = precision(confusion, 1);
            recall = recall(confusion, 1);
            f1 = f1(precision, recall);
        } else {
            double p = 0;
            double r = 0;
            double f = 0;
            for (int k = 0; k < classes; k++) {
                double pk = precision(confusion, k);
                double rk = recall(confusion, k);
                p += pk;
                r += rk;
                f += f1(pk, rk);
            }
            precision = p / classes;
            recall = r / classes;
            f1 = f / classes;
        }
        return new Classification(m, (double) correct / m, precision, recall, f1, confusion, predicted, probability);
    }

    private static double precision(long[][] confusion, int k) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0.0 : (double) confusion[k][k] / predicted;
    }

    private static double recall(long[][] confusion, int k) {
        long actual = 0;
        for (long v : confusion[k]) {
            actual += v;
        }
        return actual == 0 ? 0.0 : (double) confusion[k][k] / actual;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /** Class {@code k}'s precision: of the examples predicted {@code k}, the share that are {@code k}. */
    public double precisionOf(int k) {
        return precision(confusionMatrix, k);
    }

    /** Class {@code k}'s recall: of the examples of class {@code k}, the share predicted {@code k}. */
    public double recallOf(int k) {
        return recall(confusionMatrix, k);
    }

    public double f1Of(int k) {
        return f1(precisionOf(k), recallOf(k));
    }

    /** The examples of class {@code k}. */
    public long supportOf(int k) {
        long n = 0;
        for (long v : confusionMatrix[k]) {
            n += v;
        }
        return n;
    }

    public int classes() {
        return confusionMatrix.length;
    }

    /**
     * The area under the ROC curve of a single sigmoid output (the probability that a random example
     * of class 1 scores above a random example of class 0, ties counting half: sklearn's
     * {@code roc_auc_score}); NaN for more than two classes or when one class is absent.
     */
    public double rocAuc(double[] labels) {
        if (classes() != 2 || supportOf(0) == 0 || supportOf(1) == 0) {
            return Double.NaN;
        }
        int m = probabilities.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(probabilities[a], probabilities[b]));
        double rankSum = 0;
        for (int i = 0; i < m;) {
            int j = i;
            while (j + 1 < m && probabilities[order[j + 1]] == probabilities[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        double positives = supportOf(1);
        double negatives = supportOf(0);
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /** Indices of the examples whose prediction differs from the label. */
    public List<Integer> mislabeled(double[] labels) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] != (int) labels[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
