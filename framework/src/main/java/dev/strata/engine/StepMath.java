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
    private final Regularization regularization;
    /** Per layer (1-based): kept examples' mask of the last forward pass in training, or null without dropout. */
    private final boolean[][] kept;
    private boolean freezeMasks;
    /** The m of the penalties' λ/(2m): the training set's examples in minibatch training, else 0 (the batch's). */
    private int penaltyExamples;
    private boolean masksDrawn;
    /** One workspace per batch width; a run has at most two (its batch size and a last, shorter batch). */
    private Workspace[] workspaces = new Workspace[0];
    private FirstLayer first;

    /**
     * @param canonicalOutput whether the output activation is the loss's canonical link, so that
     *     {@code dZ = A − Y} replaces the loss gradient and the activation's derivative
     * @param regularization weight penalties (m, in their scale, is the batch's examples unless
     *     {@link #penaltyExamples} says otherwise) and dropout
     */
    StepMath(Network network, Loss loss, boolean canonicalOutput, Regularization regularization, FirstLayer first) {
        this.network = network;
        this.loss = loss;
        this.canonicalOutput = canonicalOutput;
        this.regularization = regularization;
        this.first = first;
        this.kept = new boolean[network.depth() + 1][];
    }

    /**
     * Scales the weight penalties by the training set's {@code examples} rather than each batch's, so
     * that minibatch training minimises the same objective as full-batch training (0: the batch's).
     */
    void penaltyExamples(int examples) {
        this.penaltyExamples = examples;
    }

    /** Keeps the first drawn dropout masks for every later pass (a gradient check needs one fixed function). */
    void freezeMasks() {
        this.freezeMasks = true;
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

    /**
     * Forward pass without dropout (evaluation, a cost of the current parameters); with frozen masks
     * (a gradient check), with the frozen dropout, so the checked cost is the one differentiated.
     */
    void forward(Dense x, Workspace ws) {
        forward(x, ws, freezeMasks);
    }

    /**
     * Forward pass of {@code x} (features × width) through every layer; the output activations end in
     * {@code ws.ah[L]}. In {@code training}, hidden layers with dropout pass on {@code D ? a / keep : 0}
     * (the course's {@code A * D / keep_prob}, with D drawn as {@code np.random.rand(units, m) < keep_prob}),
     * while {@code ws.ah} keeps the activations themselves for the derivative.
     */
    void forward(Dense x, Workspace ws, boolean training) {
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
            if (layer.norm() != null) {
                layer.norm().normalize(ws.zh[l], layer.units(), ws.width, training, ws.xhat[l], ws.invStd[l]);
            }
            Kernels.biasAndActivate(ws.zh[l], layer.b().values(), layer.activation(), ws.ah[l], layer.units(), ws.width,
                    precision, ws.zm[l], ws.am[l], ws.scratch);
            if (l < n) {
                double p = regularization.dropout()[l - 1];
                ws.a[l].write(training && p > 0 ? dropOut(l, ws, 1 - p) : ws.ah[l]);
            } else if (precision == Precision.FLOAT32) {
                Kernels.round(ws.ah[l], layer.units() * ws.width, ws.scratch);
            }
        }
        if (training && freezeMasks) {
            masksDrawn = true;
        }
    }

    /** The cost of the forward pass in {@code ws} against its targets {@code ws.y}. */
    double cost(Workspace ws) {
        return loss.cost(ws.output(), ws.ym) + l2Cost(penaltyExamples > 0 ? penaltyExamples : ws.width);
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
                double p = regularization.dropout()[l - 1];
                if (p > 0) {
                    masked(ws.dh[l], kept[l], 1 - p, m * layer.units());
                }
                Kernels.activationAndBiasGradient(ws.dh[l], ws.zh[l], ws.ah[l], layer.activation(), layer.b().gradient(),
                        layer.units(), m, precision, ws.dm[l], ws.zm[l], ws.am[l]);
            }
            if (layer.norm() != null) {
                layer.norm().backward(ws.dh[l], layer.units(), m, ws.xhat[l], ws.invStd[l]);
            }
            ws.d[l].write(ws.dh[l]);
            if (l == 1) {
                first.weightGradient(ws.d[1], xForWeights, invM);
            } else {
                Blas.gemm(ws.d[l], false, ws.a[l - 1], true, layer.w().nativeGradient(), invM, 0.0);
                Blas.gemm(layer.w().nativeValues(), true, ws.d[l], false, ws.d[l - 1], 1.0, 0.0);
            }
            if (l > 1 || first.optimizerUpdatesWeights()) {
                penalize(layer, l - 1, penaltyExamples > 0 ? penaltyExamples : m);
            }
        }
    }

    /** Adds layer {@code i}'s weight penalties' gradients: {@code (λ2/m) W + (λ1/m) sign(W)}. */
    private void penalize(Layer layer, int i, int m) {
        double l2 = regularization.lossL2() + regularization.l2()[i];
        if (l2 > 0) {
            Blas.axpy(l2 / m, layer.w().nativeValues(), layer.w().nativeGradient());
        }
        double l1 = regularization.l1()[i];
        if (l1 > 0) {
            Parameter w = layer.w();
            w.pullGradient();
            double[] values = w.values();
            double[] gradient = w.gradient();
            double step = l1 / m;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] += values[k] > 0 ? step : values[k] < 0 ? -step : 0;
            }
            w.nativeGradient().write(gradient);
        }
    }

    /**
     * Draws layer {@code l}'s mask in numpy's order (row by row of units × width) into {@link #kept},
     * and returns the dropped-out activations in {@code ws.dh[l]} (free until the backward pass).
     */
    private double[] dropOut(int l, Workspace ws, double keep) {
        int units = network.layers().get(l - 1).units();
        int m = ws.width;
        boolean[] mask = kept[l];
        if (mask == null || mask.length != units * m) {
            mask = kept[l] = new boolean[units * m];
            masksDrawn = false;
        }
        if (!(freezeMasks && masksDrawn)) {
            for (int r = 0; r < units; r++) {
                for (int j = 0, i = r; j < m; j++, i += units) {
                    mask[i] = regularization.random().nextDouble() < keep;
                }
            }
        }
        double[] a = ws.ah[l];
        double[] out = ws.dh[l];
        for (int i = 0; i < units * m; i++) {
            out[i] = mask[i] ? a[i] / keep : 0.0;
        }
        return out;
    }

    /** {@code dA * D / keep_prob}, as the course's backward pass with dropout. */
    private static void masked(double[] d, boolean[] mask, double keep, int n) {
        for (int i = 0; i < n; i++) {
            d[i] = mask[i] ? d[i] / keep : 0.0;
        }
    }

    /** {@code λ/(2m) Σ‖W‖²} over every layer's weights, plus each layer's own L2 and L1 terms. */
    private double l2Cost(int m) {
        double cost = 0;
        double firstSquares = regularization.lossL2() > 0 || regularization.l2()[0] > 0 ? first.squaredNorm() : 0;
        if (regularization.lossL2() > 0) {
            double squares = firstSquares;
            for (Layer layer : network.layers().subList(1, network.depth())) {
                for (double w : layer.w().values()) {
                    squares += w * w;
                }
            }
            cost = regularization.lossL2() / (2.0 * m) * squares;
        }
        for (int i = 0; i < network.depth(); i++) {
            double l2 = regularization.l2()[i];
            double l1 = regularization.l1()[i];
            if (l2 > 0 || l1 > 0) {
                // the first layer's weights may live in another form (which allows no L1 there)
                boolean fromForm = i == 0 && l1 == 0;
                double squares = fromForm ? firstSquares : 0;
                double absolute = 0;
                if (!fromForm) {
                    for (double w : network.layers().get(i).w().values()) {
                        squares += w * w;
                        absolute += Math.abs(w);
                    }
                }
                cost += l2 / (2.0 * m) * squares + l1 / m * absolute;
            }
        }
        return cost;
    }
}
