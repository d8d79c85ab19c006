package dev.strata.engine;

import dev.strata.spi.Loss;
import java.util.List;

/**
 * One training step's math on a batch: forward pass, cost, backward pass into every parameter's
 * gradient. Buffers come from a {@link Workspace} per batch width, built once; a steady-state step
 * allocates nothing. The first layer's product and weight gradient go through its {@link FirstLayer}
 * form.
 */
final class StepMath {
    private final Network network;
    private final Loss loss;
    private final boolean canonicalOutput;
    private final double l2;
    /** One workspace per batch width; a run has at most two (its batch size and a last, shorter batch). */
    private Workspace[] workspaces = new Workspace[0];
    private FirstLayer first;

    /**
     * @param canonicalOutput whether the output activation is the loss's canonical link, so that
     *     {@code dZ = A − Y} replaces the loss gradient and the activation's derivative
     * @param l2 the L2 strength λ: adds {@code λ/(2m) Σ‖W‖²} to the cost and {@code (λ/m) W} to each
     *     weight gradient, m the batch's examples; 0 for none
     */
    StepMath(Network network, Loss loss, boolean canonicalOutput, double l2, FirstLayer first) {
        this.network = network;
        this.loss = loss;
        this.canonicalOutput = canonicalOutput;
        this.l2 = l2;
        this.first = first;
    }

    FirstLayer first() {
        return first;
    }

    void first(FirstLayer form) {
        this.first = form;
    }

    Workspace workspace(int width) {
        for (Workspace ws : workspaces) {
            if (ws.width == width) {
                return ws;
            }
        }
        Workspace ws = new Workspace(network.layers(), width, network.precision());
        workspaces = java.util.Arrays.copyOf(workspaces, workspaces.length + 1);
        workspaces[workspaces.length - 1] = ws;
        return ws;
    }

    /** Forward pass of {@code x} (features × width) through every layer; the output activations end in {@code ws.ah[L]}. */
    void forward(Dense x, Workspace ws) {
        List<Layer> layers = network.layers();
        int n = layers.size();
        Precision precision = network.precision();
        for (int l = 1; l <= n; l++) {
            Layer layer = layers.get(l - 1);
            if (l == 1) {
                first.product(x, ws.z[1]);
            } else {
                Blas.gemm(layer.w().nativeValues(), false, ws.a[l - 1], false, ws.z[l], 1.0, 0.0);
            }
            ws.z[l].read(ws.zh[l]);
            Kernels.biasAndActivate(ws.zh[l], layer.b().values(), layer.activation(), ws.ah[l], layer.units(), ws.width,
                    precision, ws.zm[l], ws.am[l], ws.scratch);
            if (l < n) {
                ws.a[l].write(ws.ah[l]);
            } else if (precision == Precision.FLOAT32) {
                Kernels.round(ws.ah[l], layer.units() * ws.width, ws.scratch);
            }
        }
    }

    /** The cost of the forward pass in {@code ws} against its targets {@code ws.y}. */
    double cost(Workspace ws) {
        return loss.cost(ws.output(), ws.ym) + l2Cost(ws.width);
    }

    /**
     * Backward pass after {@link #forward}: fills every layer's bias gradient, every weight gradient
     * the first layer's form forms, and leaves {@code dZ1} in {@code ws.d[1]}.
     */
    void backward(Dense xForWeights, Workspace ws) {
        List<Layer> layers = network.layers();
        int n = layers.size();
        int m = ws.width;
        Precision precision = network.precision();
        Layer output = layers.get(n - 1);
        double[] dbOut = output.b().gradient();
        if (canonicalOutput) {
            Kernels.differenceAndBiasGradient(ws.ah[n], ws.y, ws.dh[n], dbOut, output.units(), m, precision);
        } else {
            loss.gradient(ws.output(), ws.ym, ws.dm[n]);
            Kernels.activationAndBiasGradient(ws.dh[n], ws.zh[n], ws.ah[n], output.activation(), dbOut, output.units(),
                    m, precision, ws.dm[n], ws.zm[n], ws.am[n]);
        }
        double invM = 1.0 / m;
        for (int l = n; l >= 1; l--) {
            Layer layer = layers.get(l - 1);
            if (l < n) {
                ws.d[l].read(ws.dh[l]);
                Kernels.activationAndBiasGradient(ws.dh[l], ws.zh[l], ws.ah[l], layer.activation(), layer.b().gradient(),
                        layer.units(), m, precision, ws.dm[l], ws.zm[l], ws.am[l]);
            }
            ws.d[l].write(ws.dh[l]);
            if (l == 1) {
                first.weightGradient(ws.d[1], xForWeights, invM);
            } else {
                Blas.gemm(ws.d[l], false, ws.a[l - 1], true, layer.w().nativeGradient(), invM, 0.0);
                Blas.gemm(layer.w().nativeValues(), true, ws.d[l], false, ws.d[l - 1], 1.0, 0.0);
            }
            if (l2 > 0 && (l > 1 || first.optimizerUpdatesWeights())) {
                Blas.axpy(l2 / m, layer.w().nativeValues(), layer.w().nativeGradient());
            }
        }
    }

    /** {@code λ/(2m) Σ‖W‖²} over every layer's weights. */
    private double l2Cost(int m) {
        if (l2 == 0) {
            return 0;
        }
        double squares = 0;
        for (Layer layer : network.layers()) {
            for (double w : layer.w().values()) {
                squares += w * w;
            }
        }
        return l2 / (2.0 * m) * squares;
    }
}
