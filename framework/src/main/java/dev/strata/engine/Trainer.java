package dev.strata.engine;

import dev.strata.spi.Loss;
import dev.strata.spi.Optimizer;
import dev.strata.spi.Parameter;
import dev.strata.spi.RandomStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The generic training loop: forward → cost → backward → optimizer step, full batch (the seeds'
 * {@code L_layer_model}) or in minibatches. Buffers are allocated once per batch width; the steady
 * state allocates only small op descriptors.
 */
public final class Trainer {
    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final double l2;
    private final boolean inputGram;
    private final double gramRate;
    private final Map<Integer, Workspace> workspaces = new HashMap<>();
    private boolean fuseOutput = true;
    private long updates;
    /** The first layer's Gram form while {@link #trainFullBatch} runs with it, and after. */
    private InputGram gramForm;
    private Map<String, INDArray> restoredEngineState = Map.of();

    /**
     * @param l2 the L2 regularisation strength λ: adds {@code λ/(2m) Σ‖W‖²} to the cost and
     *     {@code (λ/m) W} to each weight gradient; 0 for none
     */
    public Trainer(Network network, Loss loss, Optimizer optimizer, double l2) {
        this(network, loss, optimizer, l2, false);
    }

    /**
     * @param inputGram whether {@link #trainFullBatch} trains the first layer through the Gram
     *     matrix of the input instead of its weights ({@link InputGram}, same results up to
     *     rounding); needs plain gradient descent ({@link Optimizer#plainStepRate()}) and no L2.
     *     The optimizer is then never given {@code W1}.
     */
    public Trainer(Network network, Loss loss, Optimizer optimizer, double l2, boolean inputGram) {
        this.network = network;
        this.loss = loss;
        this.optimizer = optimizer;
        this.l2 = l2;
        this.inputGram = inputGram;
        if (inputGram && !inputGramAllowed(optimizer, l2)) {
            throw new IllegalArgumentException("the Gram form of the first layer needs plain gradient descent without"
                    + " L2, not " + optimizer.getClass().getSimpleName() + " with l2 " + l2);
        }
        this.gramRate = inputGram ? optimizer.plainStepRate().getAsDouble() : 0;
        List<Parameter> parameters = network.parameters();
        optimizer.initialize(inputGram ? parameters.subList(1, parameters.size()) : parameters);
    }

    /** Whether the Gram form ({@link InputGram}) is exact for this update rule: plain gradient descent, no L2. */
    public static boolean inputGramAllowed(Optimizer optimizer, double l2) {
        return l2 == 0 && optimizer.plainStepRate().isPresent();
    }

    /**
     * Whether the Gram form ({@link InputGram}) saves at least half the work of full-batch
     * training on {@code examples} examples for {@code iterations} iterations, and its m × m matrix
     * fits in 256 MiB; whether it is allowed is {@link #inputGramAllowed}.
     */
    public static boolean inputGramPays(Network network, long examples, long iterations) {
        return InputGram.pays(examples, network.inputSize(), network.layers().get(0).units(), iterations,
                network.dtype());
    }

    /**
     * Whether the output layer may use the loss's combined gradient ({@link Loss#outputDelta}); on by
     * default. Off reproduces the seeds' chain rule operation by operation.
     */
    public Trainer fuseOutputGradient(boolean enabled) {
        this.fuseOutput = enabled;
        return this;
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Gradient updates applied so far (the optimizer's step count). */
    public long updates() {
        return updates;
    }

    /** Sets the update count when resuming, so that step-dependent optimizers continue exactly. */
    public void resumeAt(long updatesDone) {
        this.updates = updatesDone;
    }

    /**
     * What the engine itself needs, beyond parameters and optimizer state, to continue a run bit for
     * bit (the Gram form's {@code W_0} and {@code S}); empty for the direct form. Live arrays.
     */
    public Map<String, INDArray> engineState() {
        return gramForm == null ? Map.of() : gramForm.state();
    }

    /** Restores {@link #engineState()} of a checkpoint; applied once, when full-batch training next starts. */
    public void restoreEngineState(Map<String, INDArray> state) {
        this.restoredEngineState = Map.copyOf(state);
    }

    /**
     * Writes parameters that the engine keeps in another form (the Gram form's {@code W1}) into the
     * network's arrays, so that they can be read (checkpoints); training continues unchanged.
     */
    public void formParameters() {
        if (gramForm != null) {
            gramForm.formWeights(network.layers().get(0).w());
        }
    }

    /**
     * Full-batch gradient descent for iterations {@code from} (inclusive) to {@code iterations}
     * (exclusive). The cost is recorded at every multiple of {@code printEvery} and at the last
     * iteration, before that iteration's update, exactly as the seeds do.
     */
    public TrainingResult trainFullBatch(INDArray x, INDArray y, int from, int iterations, int printEvery,
            TrainingListener listener) {
        listener.started(iterations, "iteration");
        List<CostPoint> costs = new ArrayList<>();
        long start = System.nanoTime();
        int done = from;
        boolean stopped = false;
        INDArray xBackward = rowMajorCopy(x);
        if (inputGram) {
            gramForm = new InputGram(x, xBackward, network.layers().get(0).w(), restoredEngineState);
            restoredEngineState = Map.of();
        }
        try {
            for (int i = from; i < iterations; i++) {
                double cost = requireFinite(gramForm != null ? gramStep(x, y) : step(x, xBackward, y), i);
                done = i + 1;
                if (i % printEvery == 0 || i == iterations - 1) {
                    CostPoint point = new CostPoint(i, -1, cost);
                    costs.add(point);
                    listener.cost(point);
                }
                listener.stepped(done);
                if (done < iterations && listener.stopRequested()) {
                    stopped = true;
                    break;
                }
            }
        } finally {
            formParameters();
        }
        return new TrainingResult(costs, done, updates, (System.nanoTime() - start) / 1e9, stopped, inputGram);
    }

    /**
     * Minibatch training for epochs {@code from} to {@code epochs}. With {@code shuffle}, each epoch
     * draws a permutation of the examples from {@code random} ({@code np.random.permutation}).
     * The recorded cost of an epoch is the example-weighted mean of its batch costs.
     */
    public TrainingResult trainMinibatch(INDArray x, INDArray y, int from, int epochs, int batchSize, boolean shuffle,
            RandomStream random, int printEvery, TrainingListener listener) {
        if (inputGram) {
            throw new IllegalStateException("the Gram form of the first layer applies to full-batch training only");
        }
        listener.started(epochs, "epoch");
        int m = (int) x.columns();
        INDArray xs = shuffle ? Nd4j.create(x.dataType(), x.shape(), 'f') : x;
        INDArray ys = shuffle ? Nd4j.create(y.dataType(), y.shape(), 'f') : y;
        List<CostPoint> costs = new ArrayList<>();
        long start = System.nanoTime();
        int done = from;
        boolean stopped = false;
        for (int epoch = from; epoch < epochs; epoch++) {
            if (shuffle) {
                int[] order = random.permutation(m);
                gatherColumns(x, order, xs);
                gatherColumns(y, order, ys);
            }
            double total = 0;
            for (int begin = 0; begin < m; begin += batchSize) {
                int end = Math.min(m, begin + batchSize);
                INDArray xb = end - begin == m ? xs : xs.get(NDArrayIndex.all(), NDArrayIndex.interval(begin, end));
                INDArray yb = end - begin == m ? ys : ys.get(NDArrayIndex.all(), NDArrayIndex.interval(begin, end));
                double cost = requireFinite(step(xb, yb), updates - 1);
                total += cost * (end - begin);
            }
            done = epoch + 1;
            if (epoch % printEvery == 0 || epoch == epochs - 1) {
                CostPoint point = new CostPoint(updates, epoch, total / m);
                costs.add(point);
                listener.cost(point);
            }
            listener.stepped(done);
            if (done < epochs && listener.stopRequested()) {
                stopped = true;
                break;
            }
        }
        return new TrainingResult(costs, done, updates, (System.nanoTime() - start) / 1e9, stopped, inputGram);
    }

    /**
     * {@code dst[:, j] := src[:, order[j]]}. Columns of column-major arrays are contiguous, so each
     * is one memory copy rather than two native operations per example.
     */
    static void gatherColumns(INDArray src, int[] order, INDArray dst) {
        if (src.ordering() != 'f' || dst.ordering() != 'f' || src.isView() || dst.isView()) {
            for (int j = 0; j < order.length; j++) {
                dst.getColumn(j).assign(src.getColumn(order[j]));
            }
            return;
        }
        long rows = src.rows();
        long bytes = rows * src.dataType().width();
        Pointer from = src.data().addressPointer();
        Pointer to = dst.data().addressPointer();
        BytePointer fromBytes = new BytePointer(from);
        BytePointer toBytes = new BytePointer(to);
        for (int j = 0; j < order.length; j++) {
            Pointer.memcpy(toBytes.position(j * bytes), fromBytes.position(order[j] * bytes), bytes);
        }
    }

    /**
     * The full-batch input in the layout the first layer's weight gradient reads fastest (see
     * {@link Layouts}): a row-major copy where that pays, else X itself. X is read-only while
     * training, so both copies stay valid; the copy is skipped above 512 MB.
     */
    private static INDArray rowMajorCopy(INDArray x) {
        boolean copy = Layouts.rowMajorInputForWeightGradient(x.dataType())
                && x.length() * x.dataType().width() <= (512L << 20);
        return copy ? x.dup('c') : x;
    }

    /** Stops training at the first NaN or infinite cost, naming the iteration it came from. */
    private static double requireFinite(double cost, long iteration) {
        if (!Double.isFinite(cost)) {
            throw new DivergenceException(iteration, cost, "the learning rate is probably too high: try a smaller"
                    + " optimizer.learning_rate");
        }
        return cost;
    }

    /** One forward, backward and update on a batch; returns the cost before the update. */
    double step(INDArray x, INDArray y) {
        return step(x, x, y);
    }

    private double step(INDArray x, INDArray xBackward, INDArray y) {
        double cost = computeGradients(x, xBackward, y);
        optimizer.step(++updates);
        return cost;
    }

    /**
     * {@link #step} with the first layer in its Gram form: its product comes from {@code S·G}, its
     * weight gradient is never formed, and its update goes to {@code S}.
     */
    private double gramStep(INDArray x, INDArray y) {
        int m = (int) x.columns();
        Workspace ws = workspace(m);
        List<DenseLayer> layers = network.layers();
        int n = layers.size();
        DenseLayer first = layers.get(0);
        gramForm.product(ws.z[1]);
        LayerMath.biasAndActivate(ws.z[1], first.b(), first.activation(), ws.a[1], ws.scratch[1]);
        forwardFrom(2, ws);
        double cost = loss.cost(ws.a[n], y);
        boolean fused = outputGradient(ws, y);
        backwardTo(2, x, ws, fused);
        if (n == 1 && fused) {
            LayerMath.biasGradientOf(ws.dA[1], first.db(), ws.scratch[1]);
        } else {
            LayerMath.activationAndBiasGradient(ws.dA[1], ws.z[1], ws.a[1], first.activation(), first.db(),
                    ws.scratch[1]);
        }
        optimizer.step(++updates);
        gramForm.update(ws.dA[1], gramRate);
        return cost;
    }

    /** The cost of the current parameters on a batch (forward pass only). */
    public double cost(INDArray x, INDArray y) {
        Workspace ws = workspace((int) x.columns());
        forward(x, ws);
        return loss.cost(ws.a[network.layers().size()], y) + l2Cost((int) x.columns());
    }

    /**
     * Forward and backward pass: fills every layer's {@code dW} and {@code db} and returns the
     * cost, without updating the parameters.
     */
    public double computeGradients(INDArray x, INDArray y) {
        return computeGradients(x, x, y);
    }

    /** As {@link #computeGradients(INDArray, INDArray)}, with the same input in the layout its weight gradient prefers. */
    private double computeGradients(INDArray x, INDArray xBackward, INDArray y) {
        Workspace ws = workspace((int) x.columns());
        forward(x, ws);
        int n = network.layers().size();
        double cost = loss.cost(ws.a[n], y) + l2Cost((int) x.columns());
        backwardTo(1, xBackward, ws, outputGradient(ws, y));
        return cost;
    }

    /** {@code dA[L]} from the loss, or {@code dZ[L]} when the loss fuses it; {@code true} in the second case. */
    private boolean outputGradient(Workspace ws, INDArray y) {
        int n = network.layers().size();
        boolean fused = fuseOutput && loss.outputDelta(network.output().activationName(), ws.a[n], y, ws.dA[n]);
        if (!fused) {
            loss.gradient(ws.a[n], y, ws.dA[n]);
        }
        return fused;
    }

    /** Backward pass from the output layer down to layer {@code last}, filling their {@code dW} and {@code db}. */
    private void backwardTo(int last, INDArray xBackward, Workspace ws, boolean fused) {
        List<DenseLayer> layers = network.layers();
        int n = layers.size();
        int m = ws.width;
        for (int l = n; l >= last; l--) {
            DenseLayer layer = layers.get(l - 1);
            INDArray aPrev = l == 1 ? xBackward : ws.a[l - 1];
            INDArray dAPrev = l == 1 ? null : ws.dA[l - 1];
            if (l == n && fused) {
                LayerMath.deltaBackward(ws.dA[l], aPrev, layer.w(), layer.dW(), layer.db(), dAPrev, ws.scratch[l]);
            } else {
                LayerMath.layerBackward(ws.dA[l], ws.z[l], ws.a[l], layer.activation(), aPrev, layer.w(), layer.dW(),
                        layer.db(), dAPrev, ws.scratch[l]);
            }
            if (l2 > 0) {
                Nd4j.getBlasWrapper().level1().axpy(layer.w().length(), l2 / m, layer.w(), layer.dW());
            }
        }
    }

    private double l2Cost(int m) {
        if (l2 == 0) {
            return 0;
        }
        double squares = 0;
        for (DenseLayer layer : network.layers()) {
            double norm = layer.w().norm2Number().doubleValue();
            squares += norm * norm;
        }
        return l2 / (2.0 * m) * squares;
    }

    void forward(INDArray x, Workspace ws) {
        DenseLayer first = network.layers().get(0);
        LayerMath.layerForward(x, first.w(), first.b(), first.activation(), ws.z[1], ws.a[1], ws.scratch[1]);
        forwardFrom(2, ws);
    }

    /** Forward pass of layers {@code first}.. on from the activations of the layer before. */
    private void forwardFrom(int first, Workspace ws) {
        List<DenseLayer> layers = network.layers();
        for (int l = first; l <= layers.size(); l++) {
            DenseLayer layer = layers.get(l - 1);
            LayerMath.layerForward(ws.a[l - 1], layer.w(), layer.b(), layer.activation(), ws.z[l], ws.a[l],
                    ws.scratch[l]);
        }
    }

    private Workspace workspace(int width) {
        return workspaces.computeIfAbsent(width, w -> new Workspace(network.layers(), w, network.dtype()));
    }
}
