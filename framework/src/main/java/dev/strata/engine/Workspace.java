package dev.strata.engine;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activations, linear outputs and gradients of every layer for one batch width, allocated once
 * and reused every iteration (a fresh 20 MB result per call cost page faults in measurements).
 * {@code dA[l]} also receives {@code dZ[l]}: activations may compute dZ in place.
 */
final class Workspace {
    final int width;
    final INDArray[] z;
    final INDArray[] a;
    final INDArray[] dA;
    final LayerMath.Scratch[] scratch;

    Workspace(List<DenseLayer> layers, int width, DataType dtype) {
        this.width = width;
        int n = layers.size();
        z = new INDArray[n + 1];
        a = new INDArray[n + 1];
        dA = new INDArray[n + 1];
        scratch = new LayerMath.Scratch[n + 1];
        for (int l = 1; l <= n; l++) {
            long units = layers.get(l - 1).units();
            z[l] = Nd4j.create(dtype, new long[] {units, width}, 'f');
            a[l] = Nd4j.create(dtype, new long[] {units, width}, 'f');
            dA[l] = Nd4j.create(dtype, new long[] {units, width}, 'f');
            scratch[l] = new LayerMath.Scratch();
        }
    }
}
