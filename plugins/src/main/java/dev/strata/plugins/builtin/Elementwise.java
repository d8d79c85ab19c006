package dev.strata.plugins.builtin;

import java.util.function.DoubleBinaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-element terms of a cost over outputs × examples, gathered in C order (numpy's order for
 * {@code np.sum}) into a buffer that is reused while the shape stays the same.
 */
final class Elementwise {
    private double[] terms = new double[0];

    /** {@code term(a, y)} for every element, then numpy's sum of them. */
    double sum(INDArray al, INDArray y, DoubleBinaryOperator term) {
        int rows = al.rows();
        int columns = al.columns();
        int n = rows * columns;
        if (terms.length != n) {
            terms = new double[n];
        }
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                terms[k++] = term.applyAsDouble(al.getDouble(i, j), y.getDouble(i, j));
            }
        }
        return NumpySum.sum(terms, n);
    }
}
