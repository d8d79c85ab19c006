package dev.strata.engine;

import java.util.Arrays;

/**
 * A trainable array and its gradient. The Java array {@link #values()} is the master copy the
 * optimizer updates; a weight matrix also has a native mirror and a native gradient, because the
 * matrix products read and write them. Values are in the parameter's memory order ({@link #order()});
 * {@link #toRowMajor()} gives them in the logical order files use.
 */
public final class Parameter {
    private final String name;
    private final int rows;
    private final int columns;
    private final char order;
    private final Precision precision;
    private final double[] values;
    private final double[] gradient;
    private final Dense nativeValues;
    private final Dense nativeGradient;

    private Parameter(String name, int rows, int columns, char order, Precision precision, boolean mirrored) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.order = order;
        this.precision = precision;
        int n = Math.multiplyExact(rows, columns);
        this.values = new double[n];
        this.gradient = new double[n];
        this.nativeValues = mirrored ? Dense.zeros(precision, rows, columns, order) : null;
        this.nativeGradient = mirrored ? Dense.zeros(precision, rows, columns, order) : null;
    }

    /** A weight matrix: Java values plus native values and gradient for the products. */
    static Parameter weights(String name, int rows, int columns, Precision precision, boolean first) {
        return new Parameter(name, rows, columns, Layout.weightOrder(precision, rows, columns, first), precision, true);
    }

    /** A bias column: Java arrays only (its arithmetic is all elementwise). */
    static Parameter bias(String name, int rows, Precision precision) {
        return new Parameter(name, rows, 1, 'f', precision, false);
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int size() {
        return values.length;
    }

    char order() {
        return order;
    }

    /** The live values, in memory order. After changing them, call {@link #pushValues()}. */
    double[] values() {
        return values;
    }

    /** The live gradient, in memory order; for weights, current after {@link #pullGradient()}. */
    double[] gradient() {
        return gradient;
    }

    Dense nativeValues() {
        return nativeValues;
    }

    Dense nativeGradient() {
        return nativeGradient;
    }

    /** Copies the native gradient (written by a product) into {@link #gradient()}. */
    void pullGradient() {
        if (nativeGradient != null) {
            nativeGradient.read(gradient);
        }
    }

    /** Copies {@link #values()} to the native mirror (rounding to float32 in both where the run is float32). */
    void pushValues() {
        if (nativeValues != null) {
            nativeValues.write(values);
        } else if (precision == Precision.FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        }
    }

    /** Copies the native mirror into {@link #values()}, after the engine wrote the native side directly. */
    void pullValues() {
        if (nativeValues != null) {
            nativeValues.read(values);
        }
    }

    /** The values in row-major order ({@code [r * columns + c]}), a copy. */
    public double[] toRowMajor() {
        return order == 'c' || columns == 1 ? values.clone() : Layout.transpose(values, columns, rows);
    }

    /** Sets every value from row-major {@code rowMajor}, then the mirror. */
    void setRowMajor(double[] rowMajor) {
        if (rowMajor.length != values.length) {
            throw new IllegalArgumentException(name + " holds " + values.length + " values, given " + rowMajor.length);
        }
        double[] ordered = order == 'c' || columns == 1 ? rowMajor : Layout.transpose(rowMajor, rows, columns);
        System.arraycopy(ordered, 0, values, 0, values.length);
        pushValues();
    }

    /** Sets one value (index in memory order) and its mirror: for gradient checks. */
    void set(int index, double value) {
        values[index] = precision.round(value);
        if (nativeValues != null) {
            double[] one = {values[index]};
            nativeValues.write(index, one, 1);
        }
    }

    /** The gradient in row-major order, a copy (pulled from native first for weights). */
    public double[] gradientRowMajor() {
        pullGradient();
        return order == 'c' || columns == 1 ? gradient.clone() : Layout.transpose(gradient, columns, rows);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(new int[] {rows, columns});
    }
}
