package dev.strata.plugins.builtin;

import dev.strata.spi.HostArrays;
import java.util.function.DoubleBinaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-element terms of a cost over outputs × examples, gathered in C order (numpy's order for
 * {@code np.sum}) into a buffer that is reused while the shape stays the same.
 */
final class Elementwise {
    private double[] terms = new double[0];
    private double[] aValues = new double[0];
    private double[] yValues = new double[0];

    /** {@code term(a, y)} for every element, then numpy's sum of them. */
    double sum(INDArray al, INDArray y, DoubleBinaryOperator term) {
        int rows = al.rows();
        int columns = al.columns();
        int n = load(al, y);
        boolean aF = al.ordering() == 'f';
        boolean yF = y.ordering() == 'f';
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double a = aValues[aF ? j * rows + i : i * columns + j];
                double label = yValues[yF ? j * rows + i : i * columns + j];
                terms[k++] = term.applyAsDouble(a, label);
            }
        }
        return NumpySum.sum(terms, n);
    }

    /**
     * {@code out := term(a, y)} for every element, in one Java pass; {@code out} has {@code al}'s
     * shape and memory order. {@code false} (nothing written) when an array cannot be copied
     * directly; the caller then uses native ops.
     */
    boolean map(INDArray al, INDArray y, DoubleBinaryOperator term, INDArray out) {
        if (!HostArrays.dense(al) || !HostArrays.dense(y) || !HostArrays.dense(out) || out.ordering() != al.ordering()
                || !out.equalShapes(al)) {
            return false;
        }
        int rows = al.rows();
        int columns = al.columns();
        load(al, y);
        boolean aF = al.ordering() == 'f';
        boolean yF = y.ordering() == 'f';
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int at = aF ? j * rows + i : i * columns + j;
                terms[at] = term.applyAsDouble(aValues[at], yValues[yF ? j * rows + i : i * columns + j]);
            }
        }
        HostArrays.write(terms, out);
        return true;
    }

    /** Both arrays' values into the reused buffers (one bulk copy each, not a native call per element); their count. */
    private int load(INDArray al, INDArray y) {
        int n = al.rows() * al.columns();
        terms = HostArrays.ensure(terms, n);
        aValues = HostArrays.ensure(aValues, n);
        yValues = HostArrays.ensure(yValues, n);
        HostArrays.read(al, aValues);
        HostArrays.read(y, yValues);
        return n;
    }
}
