package dev.strata.plugins.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV split's labels as they are read: numbers, until a cell holds text; from then on every label
 * is a class name, coded in order of first appearance (numbers read before are named as written
 * in their shortest form, {@code 1} not {@code 1.0}).
 */
final class LabelColumn {
    private double[] labels = new double[1024];
    private int rows;
    private Map<String, Integer> codes;

    /** A label known without a cell (examples to predict have none). */
    void add(double value) {
        if (rows == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[rows++] = value;
    }

    void add(CsvScanner scanner, int column) {
        double value = scanner.number(column);
        if (codes == null && !Double.isNaN(value)) {
            add(value);
            return;
        }
        String text = scanner.text(column).strip();
        if (codes == null) {
            codes = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++) {
                labels[i] = code(name(labels[i]));
            }
        }
        add(code(text));
    }

    private double code(String text) {
        Integer code = codes.get(text);
        if (code == null) {
            code = codes.size();
            codes.put(text, code);
        }
        return code;
    }

    private static String name(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    int rows() {
        return rows;
    }

    double[] labels() {
        return Arrays.copyOf(labels, rows);
    }

    /** The class name of each code, or {@code null} when every label was a number. */
    List<String> names() {
        return codes == null ? null : new ArrayList<>(codes.keySet());
    }
}
