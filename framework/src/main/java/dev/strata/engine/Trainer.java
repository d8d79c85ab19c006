package dev.strata.engine;

import dev.strata.io.NumpyArray;
import dev.strata.spi.GradientDescent;
import dev.strata.spi.Loss;
import dev.strata.spi.Momentum;
import dev.strata.spi.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training loop, one for every spec: epochs of batches, where full-batch training is epochs of
 * one batch (the notebooks' {@code L_layer_model}, an iteration per epoch). Per batch: forward,
 * cost, backward, one update. The cost recorded for an epoch is the example-weighted mean of its
 * batches' costs (for one batch: its cost before the update, as the notebooks record it).
 */
public final class Trainer {
    private final Network network;
    private final StepMath math;
    private final Updater updater;
    private final FirstLayerChoice choice;
    private final boolean exact;
    private final Regularization regularization;
    private Map<String, NumpyArray> restoredForm = Map.of();
    private RateSchedule schedule;
    /** The classification threshold of a single output unit, or NaN when labels are values (the metric is MSE). */
    private double threshold = 0.5;
    private double epochMetric;

    /** How the first layer may be trained. */
    public enum FirstLayerChoice {
        /** Through the input's Gram matrix where that is exact and does at least half less work ({@link InputGram}). */
        AUTO,
        /** Through the input's Gram matrix, or refused where that is not exact (for tests and benchmarks). */
        GRAM,
        /** As the notebooks do: {@code W1 · X}. */
        DIRECT
    }

    /**
     * @param canonicalOutput whether the output activation is the loss's canonical link ({@code dZ = A − Y})
     * @param l2 the L2 strength λ, 0 for none
     */
    public Trainer(Network network, Loss loss, boolean canonicalOutput, Optimizer rule, double learningRate, double l2,
            FirstLayerChoice choice) {
        this(network, loss, canonicalOutput, rule, RateSchedule.constant(learningRate),
                Regularization.lossL2(l2, network.depth()), choice);
    }

    public Trainer(Network network, Loss loss, boolean canonicalOutput, Optimizer rule, RateSchedule schedule,
            Regularization regularization, FirstLayerChoice choice) {
        // The Gram form is exact under a rule linear in the gradients, where L2 at most shrinks W1:
        // W1 then only ever moves by combinations of the examples and of its starting values.
        this.exact = (rule instanceof GradientDescent || rule instanceof Momentum) && regularization.l1()[0] == 0;
        if (choice == FirstLayerChoice.GRAM && !exact) {
            throw new IllegalArgumentException("the Gram form of the first layer needs plain gradient descent or"
                    + " momentum without L1 on the first layer, not " + rule + " with " + regularization);
        }
        this.regularization = regularization;
        this.network = network;
        this.choice = choice;
        this.schedule = schedule;
        this.math = new StepMath(network, loss, canonicalOutput, regularization,
                new FirstLayer.Direct(network.layers().get(0)));
        this.updater = new Updater(rule, schedule.rate(0), network.parameters());
    }

    /** Value labels: the running metric of an epoch is its mean squared error, not accuracy. */
    public void valueLabels(boolean values) {
        this.threshold = values ? Double.NaN : threshold;
    }

    /** The probability above which a single output unit predicts class 1, for the running accuracy. */
    public void threshold(double probability) {
        this.threshold = probability;
    }

    /** Keeps the first dropout masks for every later pass: a gradient check needs one fixed function. */
    public void freezeDropoutMasks() {
        math.freezeMasks();
    }

    public Network network() {
        return network;
    }

    /** Gradient updates applied so far. */
    public long updates() {
        return updater.updates();
    }

    /** Continues a checkpoint: its update count, optimizer state and first-layer form state (applied when training starts). */
    public void resume(long updates, Map<String, NumpyArray> optimizerState, Map<String, NumpyArray> formState) {
        updater.resumeAt(updates);
        updater.restore(optimizerState);
        restoredForm = Map.copyOf(formState);
    }

    /** The optimizer's state arrays by checkpoint name (the Gram form's momentum average formed into {@code v_W1}). */
    public Map<String, NumpyArray> optimizerState() {
        if (math.first() instanceof InputGram form && updater.rule() instanceof Momentum) {
            form.formVelocity(updater.state(network.layers().get(0).w(), 0));
        }
        return updater.state();
    }

    /** The first layer's form state (empty for the direct form). */
    public Map<String, NumpyArray> formState() {
        return math.first().state();
    }

    /** Makes every parameter current (the Gram form's {@code W1}), e.g. before it is saved. */
    public void formParameters() {
        math.first().formWeights();
    }

    /**
     * Trains epochs {@code from} (inclusive) to {@code epochs} (exclusive), recording the cost at every
     * multiple of {@code printEvery} and at the last epoch. The listener hears of iterations for
     * full-batch training (an iteration is an epoch of one batch) and of epochs otherwise.
     */
    public TrainingResult train(Batches batches, int from, int epochs, int printEvery, TrainingListener listener) {
        return train(batches, from, epochs, printEvery, listener, EpochHook.NONE);
    }

    /** As {@link #train(Batches, int, int, int, TrainingListener)}, asking {@code hook} after each epoch whether to stop. */
    public TrainingResult train(Batches batches, int from, int epochs, int printEvery, TrainingListener listener,
            EpochHook hook) {
        boolean fullBatch = batches.fullBatch();
        listener.started(epochs, fullBatch ? "iteration" : "epoch");
        math.penaltyExamples(fullBatch ? 0 : batches.examples());
        if (gramForm(batches, epochs)) {
            Optimizer rule = updater.rule();
            double beta = rule instanceof Momentum momentum ? momentum.beta() : Double.NaN;
            double decay = (regularization.lossL2() + regularization.l2()[0]) / batches.examples();
            InputGram form = new InputGram(network.layers().get(0), batches.all(), batches.allForWeights(), beta,
                    decay);
            // momentum's average of a checkpoint written in the direct form is no combination of the
            // examples: that run continues in the direct form
            if (form.restore(restoredForm) || updater.updates() == 0 || Double.isNaN(beta)) {
                math.first(form);
                updater.exclude(network.layers().get(0).w());
            }
        }
        List<CostPoint> costs = new ArrayList<>();
        long start = System.nanoTime();
        int done = from;
        boolean stopped = false;
        boolean stoppedEarly = false;
        int m = batches.examples();
        long firstUpdate = updater.updates();
        long halfway = firstUpdate + (long) (epochs - from) * batches.count() / 2;
        long halfwayNanos = 0;
        try {
            for (int epoch = from; epoch < epochs; epoch++) {
                batches.beginEpoch();
                updater.learningRate(schedule.rate(epoch));
                double total = 0;
                epochMetric = 0;
                for (int b = 0; b < batches.count(); b++) {
                    int width = batches.width(b);
                    long before = updater.updates();
                    total += requireFinite(step(batches, b), fullBatch ? epoch : before, before == 0) * width;
                    if (halfwayNanos == 0 && updater.updates() == halfway) {
                        halfwayNanos = System.nanoTime();
                    }
                }
                done = epoch + 1;
                // the hook hears of every epoch (the last one too); only a stop before the end is early
                stoppedEarly = hook.afterEpoch(done, total / m, epochMetric / m) && done < epochs;
                // an early stop records its last epoch's cost as the last epoch of a full run does
                if (epoch % printEvery == 0 || epoch == epochs - 1 || stoppedEarly) {
                    CostPoint point = fullBatch ? new CostPoint(epoch, -1, total / m)
                            : new CostPoint(updater.updates(), epoch, total / m);
                    costs.add(point);
                    listener.cost(point);
                }
                listener.stepped(done);
                if (stoppedEarly) {
                    break;
                }
                if (done < epochs && listener.stopRequested()) {
                    stopped = true;
                    break;
                }
            }
        } finally {
            formParameters();
        }
        long end = System.nanoTime();
        double warm = halfwayNanos > 0 && end > halfwayNanos && updater.updates() - halfway >= 2
                ? (updater.updates() - halfway) / ((end - halfwayNanos) / 1e9) : Double.NaN;
        return new TrainingResult(costs, done, updater.updates(), (end - start) / 1e9, stopped, math.first().name(),
                warm, stoppedEarly);
    }

    /** Whether {@link #train} with these batches up to {@code epochs} trains the first layer in its Gram form. */
    public boolean trainsFirstLayerInGramForm(Batches batches, int epochs) {
        return math.first() instanceof InputGram || gramForm(batches, epochs);
    }

    /** Whether this run trains the first layer in the Gram form: full batch, exact, and (for AUTO) where it pays. */
    private boolean gramForm(Batches batches, int epochs) {
        if (choice == FirstLayerChoice.DIRECT || math.first() instanceof InputGram) {
            return false;
        }
        if (!batches.fullBatch()) {
            if (choice == FirstLayerChoice.GRAM) {
                throw new IllegalStateException("the Gram form of the first layer applies to full-batch training only");
            }
            return false;
        }
        return choice == FirstLayerChoice.GRAM || exact && InputGram.pays(batches.examples(), network.inputSize(),
                network.units(1), epochs, network.precision());
    }

    /** One forward, backward and update on batch {@code b}; returns the cost before the update. */
    private double step(Batches batches, int b) {
        Workspace ws = math.workspace(batches.width(b));
        Dense x = batches.x(b);
        batches.targets(b, ws.y);
        math.forward(x, ws, true);
        double cost = math.cost(ws);
        epochMetric += BatchMetric.of(ws.ah[network.depth()], ws.y, ws.width, network.outputUnits(), threshold);
        math.backward(batches.xForWeights(b, x), ws);
        double rate = updater.step();
        math.first().afterUpdate(ws.d[1], rate, ws.width);
        return cost;
    }

    /** Why a cost is not finite before any update: the learning rate has not acted yet. */
    public static final String FIRST_COST = "so the learning rate is not the cause: the inputs or the initial weights"
            + " drive the outputs to values the loss cannot take (features far from 0: set"
            + " data.preprocessing.standardize: true or a scale; or an activation or loss plugin produced NaN)";

    /**
     * Stops training at the first NaN or infinite cost, naming the iteration it came from. A cost that
     * is not finite before any update comes from the data or the initial model, not the learning rate.
     */
    private static double requireFinite(double cost, long iteration, boolean firstUpdate) {
        if (!Double.isFinite(cost)) {
            throw new DivergenceException(iteration, cost, firstUpdate, firstUpdate ? FIRST_COST
                    : "the learning rate is probably too high: try a smaller optimizer.learning_rate");
        }
        return cost;
    }

    /** Forward and backward pass on a full batch without an update: fills every gradient, returns the cost. */
    public double computeGradients(Batches data) {
        Workspace ws = fullBatch(data);
        math.forward(data.x(0), ws, true);
        double cost = math.cost(ws);
        math.backward(data.x(0), ws);
        for (Parameter p : network.parameters()) {
            p.pullGradient();
        }
        return cost;
    }

    /** The cost of the current parameters on a full batch (forward pass only). */
    public double cost(Batches data) {
        Workspace ws = fullBatch(data);
        math.forward(data.x(0), ws);
        return math.cost(ws);
    }

    private Workspace fullBatch(Batches data) {
        if (!data.fullBatch()) {
            throw new IllegalArgumentException("gradients of a whole data set need a full batch, not " + data.count()
                    + " batches");
        }
        Workspace ws = math.workspace(data.examples());
        data.targets(0, ws.y);
        return ws;
    }
}
