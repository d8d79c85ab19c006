package dev.strata.engine;

import dev.strata.spi.Matrix;
import java.util.List;

/**
 * The buffers of every layer for one batch width, allocated once and reused every step. Per layer
 * {@code l}: native {@code z} (its product), native {@code a} (its activations, which the next
 * layer's product and this layer's weight gradient read) and native {@code d} (dA from the layer
 * above, then dZ for this layer's products); and Java copies of z, a and d where the elementwise
 * work runs, with {@link Matrix} views of them for plugins. Index 0 is unused (the input).
 */
final class Workspace {
    final int width;
    final Dense[] z;
    final Dense[] a;
    final Dense[] d;
    final double[][] zh;
    final double[][] ah;
    final double[][] dh;
    final Matrix[] zm;
    final Matrix[] am;
    final Matrix[] dm;
    /** The batch's targets (outputs × width), for the loss. */
    final double[] y;
    final Matrix ym;
    /** Per batch-normalised layer: its normalised products ẑ (units × width) and 1/σ per unit; else null. */
    final double[][] xhat;
    final double[][] invStd;
    /** Floats for rounding any layer's array to float32 (see {@link Kernels#round}). */
    final float[] scratch;

    Workspace(List<Layer> layers, int width, Precision precision) {
        this.width = width;
        int n = layers.size();
        z = new Dense[n + 1];
        a = new Dense[n + 1];
        d = new Dense[n + 1];
        zh = new double[n + 1][];
        ah = new double[n + 1][];
        dh = new double[n + 1][];
        zm = new Matrix[n + 1];
        am = new Matrix[n + 1];
        dm = new Matrix[n + 1];
        xhat = new double[n + 1][];
        invStd = new double[n + 1][];
        for (int l = 1; l <= n; l++) {
            if (layers.get(l - 1).norm() != null) {
                xhat[l] = new double[layers.get(l - 1).units() * width];
                invStd[l] = new double[layers.get(l - 1).units()];
            }
            int units = layers.get(l - 1).units();
            z[l] = Dense.zeros(precision, units, width, 'f');
            // The output layer's activations feed no product: they stay in Java.
            a[l] = l < n ? Dense.zeros(precision, units, width, 'f') : null;
            d[l] = Dense.zeros(precision, units, width, 'f');
            zh[l] = new double[units * width];
            ah[l] = new double[units * width];
            dh[l] = new double[units * width];
            zm[l] = new Matrix(units, width, zh[l]);
            am[l] = new Matrix(units, width, ah[l]);
            dm[l] = new Matrix(units, width, dh[l]);
        }
        int widest = 0;
        for (Layer layer : layers) {
            widest = Math.max(widest, layer.units());
        }
        scratch = new float[precision == Precision.FLOAT32 ? widest * width : 0];
        int outputs = layers.get(n - 1).units();
        y = new double[outputs * width];
        ym = new Matrix(outputs, width, y);
    }

    /** The output layer's activations as a matrix. */
    Matrix output() {
        return am[am.length - 1];
    }
}
