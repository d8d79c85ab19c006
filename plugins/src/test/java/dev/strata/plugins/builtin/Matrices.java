package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Plain-Java reference computations on small matrices, independent of ND4J's ops. */
final class Matrices {
    private Matrices() {
    }

    static INDArray of(double[][] values) {
        return Nd4j.createFromArray(values);
    }

    static double[][] map(double[][] x, DoubleUnaryOperator f) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = f.applyAsDouble(x[i][j]);
            }
        }
        return out;
    }

    static double[][] zip(double[][] x, double[][] y, DoubleBinaryOperator f) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[i][j] = f.applyAsDouble(x[i][j], y[i][j]);
            }
        }
        return out;
    }

    /** Every element within {@code tolerance} relative to max(1, |expected|). */
    static void assertClose(INDArray actual, double[][] expected, double tolerance) {
        double[][] values = actual.toDoubleMatrix();
        assertThat(values.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                double e = expected[i][j];
                assertThat(Math.abs(values[i][j] - e)).as("[%d, %d]: %s vs expected %s", i, j, values[i][j], e)
                        .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(e)));
            }
        }
    }

    static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertClose(actual, expected.toDoubleMatrix(), tolerance);
    }

    static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("[%d]: %s vs expected %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(expected[i])));
        }
    }

    /** The rows of a golden matrix, flattened in row-major order. */
    static double[] flatten(INDArray matrix) {
        return matrix.dup('c').reshape(matrix.length()).toDoubleVector();
    }
}
