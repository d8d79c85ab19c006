package dev.strata.spi;

import java.util.Arrays;

/**
 * A batch of values handed to a plugin: {@code rows × columns} doubles, one column per example,
 * each column contiguous ({@code values()[column * rows + row]}). The engine reuses the same
 * matrices every step, so a plugin must not keep a reference beyond the call it was given one in.
 * Not thread-safe.
 */
@Api(status = Api.Status.STABLE, since = "0.2")
public final class Matrix {
    private final int rows;
    private final int columns;
    private final double[] values;

    /**
     * A matrix over {@code values}, which holds at least {@code rows × columns} values in the
     * column order above (further values are ignored); the array is used as it is, not copied.
     */
    public Matrix(int rows, int columns, double[] values) {
        if (rows < 0 || columns < 0 || (long) rows * columns > values.length) {
            throw new IllegalArgumentException(rows + " x " + columns + " does not fit in " + values.length + " values");
        }
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    /** A zero-filled matrix. */
    public static Matrix zeros(int rows, int columns) {
        return new Matrix(rows, columns, new double[Math.multiplyExact(rows, columns)]);
    }

    /** A matrix from rows of values ({@code rows[r][c]}), as tests and examples write them. */
    public static Matrix ofRows(double[]... rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        Matrix m = zeros(rows.length, columns);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + columns);
            }
            for (int c = 0; c < columns; c++) {
                m.set(r, c, rows[r][c]);
            }
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public double get(int row, int column) {
        return values[column * rows + row];
    }

    public void set(int row, int column, double value) {
        values[column * rows + row] = value;
    }

    /** The backing array (see the class comment for its order); may be longer than {@code rows × columns}. */
    public double[] values() {
        return values;
    }

    /** A copy with its own array. */
    public Matrix copy() {
        return new Matrix(rows, columns, Arrays.copyOf(values, rows * columns));
    }

    /** Row {@code row}'s values, a copy. */
    public double[] row(int row) {
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            out[c] = get(row, c);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(rows).append('x').append(columns).append(" [");
        for (int r = 0; r < Math.min(rows, 6); r++) {
            s.append(r == 0 ? "" : ", ").append(Arrays.toString(Arrays.copyOf(row(r), Math.min(columns, 6))));
        }
        return s.append(rows > 6 ? ", ...]" : "]").toString();
    }
}
