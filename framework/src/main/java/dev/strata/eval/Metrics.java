package dev.strata.eval;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Metrics of one split: classification metrics, or for losses that compare label values
 * (e.g. {@code mean_squared_error} on real-valued labels) regression metrics in {@link #regression()}
 * with the classification fields NaN.
 *
 * @param confusionMatrix rows are actual classes, columns predicted: {@code [[tn, fp], [fn, tp]]}
 *     for two classes
 * @param precision for two classes, of class 1; otherwise the macro average over classes
 * @param predictions the predicted class of each example
 * @param probabilities the probability of the predicted class (two classes: of class 1)
 */
public record Metrics(int examples, double accuracy, double precision, double recall, double f1, long[][] confusionMatrix,
        int[] predictions, double[] probabilities, Regression regression) {

    /**
     * Regression metrics of a single-output model.
     *
     * @param mse mean squared error
     * @param mae mean absolute error
     * @param r2 coefficient of determination (1 − SSE / SST; NaN when the labels are constant)
     */
    public record Regression(double mse, double mae, double r2) {
    }

    public boolean isRegression() {
        return regression != null;
    }

    /** Regression metrics of a one-unit output (1 × examples) against real-valued labels. */
    public static Metrics regression(INDArray output, double[] labels) {
        double[] out = output.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
        int m = labels.length;
        double mean = 0;
        for (double v : labels) {
            mean += v / m;
        }
        double squares = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            double e = out[i] - labels[i];
            squares += e * e;
            absolute += Math.abs(e);
            total += (labels[i] - mean) * (labels[i] - mean);
        }
        return new Metrics(m, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new long[0][0], new int[0], out,
                new Regression(squares / m, absolute / m, total == 0 ? Double.NaN : 1 - squares / total));
    }

    /**
     * Metrics from the output activations (units × examples) and the true class indices. A single
     * output unit predicts class 1 where its activation exceeds {@code threshold} (the seeds' 0.5);
     * several units predict the arg-max.
     */
    public static Metrics of(INDArray output, double[] labels, double threshold) {
        int m = (int) output.columns();
        int units = (int) output.rows();
        int classes = Math.max(2, units);
        double[][] out = output.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
        int[] predicted = new int[m];
        double[] probability = new double[m];
        for (int i = 0; i < m; i++) {
            if (units == 1) {
                predicted[i] = out[0][i] > threshold ? 1 : 0;
                probability[i] = out[0][i];
            } else {
                int best = 0;
                for (int k = 1; k < units; k++) {
                    if (out[k][i] > out[best][i]) {
                        best = k;
                    }
                }
                predicted[i] = best;
                probability[i] = out[best][i];
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
        return new Metrics(m, (double) correct / m, precision, recall, f1, confusion, predicted, probability, null);
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
