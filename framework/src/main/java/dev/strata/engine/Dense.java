package dev.strata.engine;

import org.bytedeco.javacpp.Pointer;

/**
 * A dense matrix in native memory: {@code rows × columns} values in row-major ({@code 'c'}) or
 * column-major ({@code 'f'}) order, starting at {@code offset} in its buffer. Column ranges of a
 * column-major matrix are views of the same memory (a minibatch of examples is read without a
 * copy). Creating one allocates; the engine creates them when it sets up, never per step.
 */
final class Dense {
    private final NativeBuffer buffer;
    private final long offset;
    private final int rows;
    private final int columns;
    private final char order;
    private final Pointer pointer;

    private Dense(NativeBuffer buffer, long offset, int rows, int columns, char order) {
        this.buffer = buffer;
        this.offset = offset;
        this.rows = rows;
        this.columns = columns;
        this.order = order;
        this.pointer = buffer.at(offset);
    }

    /** A zero-filled matrix. */
    static Dense zeros(Precision precision, int rows, int columns, char order) {
        if (order != 'c' && order != 'f') {
            throw new IllegalArgumentException("order must be 'c' or 'f', got " + order);
        }
        return new Dense(new NativeBuffer(precision, (long) rows * columns), 0, rows, columns, order);
    }

    /** Columns {@code [from, to)} of this column-major matrix, sharing its memory. */
    Dense columns(int from, int to) {
        if (order != 'f' || from < 0 || to > columns || from > to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") of a " + rows + "x" + columns
                    + " '" + order + "' matrix");
        }
        return new Dense(buffer, offset + (long) from * rows, rows, to - from, 'f');
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    char order() {
        return order;
    }

    long size() {
        return (long) rows * columns;
    }

    Precision precision() {
        return buffer.precision();
    }

    /** The pointer BLAS reads, at this matrix's first value. */
    Pointer pointer() {
        return pointer;
    }

    /** All values, in memory order, into {@code into} (at least {@link #size()} long). */
    void read(double[] into) {
        buffer.read(offset, into, 0, Math.toIntExact(size()));
    }

    /** Values {@code [from, from + n)} in memory order into {@code into[0 .. n)}. */
    void read(long from, double[] into, int n) {
        buffer.read(offset + from, into, 0, n);
    }

    /** Writes {@code from}'s first {@link #size()} values, in memory order (rounded in float32, also in {@code from}). */
    void write(double[] from) {
        buffer.write(offset, from, 0, Math.toIntExact(size()), true);
    }

    /** Writes {@code n} values of {@code from} starting at value {@code at} of this matrix. */
    void write(long at, double[] from, int n) {
        buffer.write(offset + at, from, 0, n, true);
    }

    /** Column {@code to} of this column-major matrix := column {@code from} of {@code source}. */
    void copyColumn(Dense source, int from, int to) {
        if (order != 'f' || source.order != 'f' || source.rows != rows) {
            throw new IllegalArgumentException("column copy between " + source.describe() + " and " + describe());
        }
        buffer.copyFrom(source.buffer, source.offset + (long) from * rows, offset + (long) to * rows, rows);
    }

    /** All values := {@code source}'s (same shape, order and precision). */
    void copyAll(Dense source) {
        if (source.rows != rows || source.columns != columns || source.order != order) {
            throw new IllegalArgumentException("copy of " + source.describe() + " into " + describe());
        }
        buffer.copyFrom(source.buffer, source.offset, offset, size());
    }

    /** The values as a row-major Java array, {@code [r * columns + c]}. */
    double[] toRowMajor() {
        double[] values = new double[Math.toIntExact(size())];
        read(values);
        return order == 'c' ? values : Layout.transpose(values, columns, rows);
    }

    /** Writes values given row-major ({@code [r * columns + c]}). */
    void fromRowMajor(double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException(values.length + " values for a " + rows + "x" + columns + " matrix");
        }
        write(order == 'c' ? values.clone() : Layout.transpose(values, rows, columns));
    }

    String describe() {
        return rows + "x" + columns + " '" + order + "' " + precision();
    }

    @Override
    public String toString() {
        return "Dense " + describe();
    }
}
