package dev.strata.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An array as {@code .npy} files hold it: a shape and the values in C (row-major) order, stored as
 * float64 or float32.
 *
 * @param shape the dimensions; empty for a scalar
 * @param values {@code product(shape)} values, row-major
 * @param single whether the file stores float32 ({@code '<f4'}) rather than float64
 */
public record NumpyArray(int[] shape, double[] values, boolean single) {
    public NumpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(values, "values");
        long count = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    /** A float64 vector. */
    public static NumpyArray vector(double... values) {
        return new NumpyArray(new int[] {values.length}, values, false);
    }

    /** A float64 matrix from row-major values. */
    public static NumpyArray matrix(int rows, int columns, double[] values) {
        return new NumpyArray(new int[] {rows, columns}, values, false);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Dimension {@code i}. */
    public int dim(int i) {
        return shape[i];
    }

    public int size() {
        return values.length;
    }

    /** A matrix's value at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return values[r * shape[1] + c];
    }

    /** Whether this is a {@code rows × columns} matrix, or for {@code columns == 1} also a vector of {@code rows}. */
    public boolean isMatrix(int rows, int columns) {
        return shape.length == 2 && shape[0] == rows && shape[1] == columns
                || columns == 1 && shape.length == 1 && shape[0] == rows;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumpyArray other && single == other.single && Arrays.equals(shape, other.shape)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NumpyArray" + Arrays.toString(shape) + (single ? " float32" : " float64");
    }
}
