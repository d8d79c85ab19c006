package dev.strata.engine;

import dev.strata.io.NumpyArray;
import dev.strata.spi.BadInputException;
import dev.strata.spi.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer shares, so that a rule ({@link Optimizer}) is only its arithmetic: the
 * learning rate, the update count, the rule's state arrays per parameter (zeroed, checkpointed as
 * {@code <state>_<parameter>}, restored on resume) and the loops. One update is one fused pass per
 * parameter: the rule's per-element method is inlined into the loop by the JIT.
 */
public final class Updater {
    private final Optimizer rule;
    private double learningRate;
    private final List<Parameter> parameters;
    private final List<String> stateNames;
    private final double[][][] state;
    /** Parameters a first-layer form trains itself (the Gram form's W1); their state stays zero. */
    private final boolean[] excluded;
    private long updates;

    /**
     * @param parameters what the rule updates
     */
    Updater(Optimizer rule, double learningRate, List<Parameter> parameters) {
        this.rule = rule;
        this.learningRate = learningRate;
        this.parameters = List.copyOf(parameters);
        this.stateNames = List.copyOf(rule.stateNames());
        this.state = new double[parameters.size()][][];
        this.excluded = new boolean[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            state[p] = new double[stateNames.size()][parameters.get(p).size()];
        }
    }

    Optimizer rule() {
        return rule;
    }

    /** The learning rate of the next update. */
    double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate of the next updates (a schedule's rate for the epoch). */
    void learningRate(double rate) {
        this.learningRate = rate;
    }

    /** Updates applied so far. */
    public long updates() {
        return updates;
    }

    /** Sets the update count when resuming, so that count-dependent rules (Adam) continue exactly. */
    void resumeAt(long done) {
        this.updates = done;
    }

    /** From now on {@code parameter} is trained by someone else (the first layer's Gram form). */
    void exclude(Parameter parameter) {
        excluded[parameters.indexOf(parameter)] = true;
    }

    /** One update of every parameter from its gradient; returns the learning rate it used. */
    double step() {
        long t = ++updates;
        double rate = learningRate;
        rule.beginUpdate(t);
        for (int p = 0; p < parameters.size(); p++) {
            if (excluded[p]) {
                continue;
            }
            Parameter parameter = parameters.get(p);
            parameter.pullGradient();
            apply(rule, parameter.values(), parameter.gradient(), rate, state[p]);
            parameter.pushValues();
        }
        return rate;
    }

    private static void apply(Optimizer rule, double[] values, double[] gradient, double rate, double[][] state) {
        for (int i = 0; i < values.length; i++) {
            values[i] = rule.update(values[i], gradient[i], rate, state, i);
        }
    }

    /** The live state array {@code k} ({@link Optimizer#stateNames()} order) of {@code parameter}. */
    double[] state(Parameter parameter, int k) {
        return state[parameters.indexOf(parameter)][k];
    }

    /** The state arrays by checkpoint name ({@code v_W1}, ...), row-major copies. */
    Map<String, NumpyArray> state() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            for (int k = 0; k < stateNames.size(); k++) {
                double[] rowMajor = parameter.order() == 'c' || parameter.columns() == 1 ? state[p][k].clone()
                        : Layout.transpose(state[p][k], parameter.columns(), parameter.rows());
                out.put(stateNames.get(k) + "_" + parameter.name(),
                        new NumpyArray(new int[] {parameter.rows(), parameter.columns()}, rowMajor, false));
            }
        }
        return out;
    }

    /** Restores {@link #state()} of a checkpoint, refusing one written for other parameters or another rule. */
    void restore(Map<String, NumpyArray> saved) {
        Map<String, NumpyArray> expected = state();
        if (!saved.keySet().equals(expected.keySet())) {
            throw new BadInputException("the checkpoint's optimizer state holds " + saved.keySet()
                    + " but this run's optimizer keeps " + expected.keySet(),
                    "resume with the spec that wrote the checkpoint");
        }
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            for (int k = 0; k < stateNames.size(); k++) {
                String key = stateNames.get(k) + "_" + parameter.name();
                NumpyArray array = saved.get(key);
                if (!array.isMatrix(parameter.rows(), parameter.columns())) {
                    throw new BadInputException("the checkpoint's optimizer state " + key + " has shape "
                            + array.shapeText() + " but the model needs " + parameter.rows() + "x"
                            + parameter.columns(), "resume with the spec that wrote the checkpoint");
                }
                double[] values = parameter.order() == 'c' || parameter.columns() == 1 ? array.values()
                        : Layout.transpose(array.values(), parameter.rows(), parameter.columns());
                System.arraycopy(values, 0, state[p][k], 0, values.length);
            }
        }
    }
}
