package dev.strata.engine;

import dev.strata.io.NumpyArray;
import dev.strata.spi.Activation;
import dev.strata.spi.BadInputException;
import dev.strata.spi.Initializer;
import dev.strata.spi.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The layers of a feed-forward network and their parameters. */
public final class Network {
    private final int inputSize;
    private final Precision precision;
    private final List<Layer> layers;

    private Network(int inputSize, Precision precision, List<Layer> layers) {
        this.inputSize = inputSize;
        this.precision = precision;
        this.layers = List.copyOf(layers);
    }

    /** How one layer is built. */
    public record LayerPlan(int units, String activationName, Activation activation, Initializer initializer,
            boolean batchNorm) {
        public LayerPlan(int units, String activationName, Activation activation, Initializer initializer) {
            this(units, activationName, activation, initializer, false);
        }
    }

    /**
     * Draws every layer's weights in layer order from {@code random}, biases zero: the order of the
     * notebooks' {@code initialize_parameters_deep}, so numpy's numbers are reproduced.
     */
    public static Network initialize(int inputSize, List<LayerPlan> plans, RandomStream random, Precision precision) {
        Network network = shaped(inputSize, plans, precision);
        int fanIn = inputSize;
        for (int i = 0; i < plans.size(); i++) {
            LayerPlan plan = plans.get(i);
            double[] values = plan.initializer().weights(plan.units(), fanIn, random);
            if (values == null || values.length != (long) plan.units() * fanIn) {
                throw new BadInputException("initializer " + plan.initializer().getClass().getName() + " returned "
                        + (values == null ? "null" : values.length + " weights") + " for layer " + (i + 1)
                        + ", expected " + plan.units() + "x" + fanIn, "fix the initializer plugin");
            }
            network.layers.get(i).w().setRowMajor(values);
            fanIn = plan.units();
        }
        return network;
    }

    /**
     * A network with the given parameters ({@code W1, b1, ...}, row-major), e.g. a saved model.
     *
     * @throws IllegalArgumentException naming the first parameter that is missing or of the wrong shape
     */
    public static Network fromParameters(Map<String, NumpyArray> parameters, List<LayerPlan> plans, Precision precision) {
        NumpyArray w1 = parameters.get("W1");
        if (w1 == null || w1.rank() != 2) {
            throw new IllegalArgumentException(w1 == null ? "missing W1 among " + parameters.keySet()
                    : "W1 has shape " + w1.shapeText() + ", not a matrix");
        }
        Network network = shaped(w1.dim(1), plans, precision);
        network.load(parameters);
        return network;
    }

    private static Network shaped(int inputSize, List<LayerPlan> plans, Precision precision) {
        List<Layer> layers = new ArrayList<>(plans.size());
        int fanIn = inputSize;
        for (int i = 0; i < plans.size(); i++) {
            LayerPlan plan = plans.get(i);
            int index = i + 1;
            layers.add(new Layer(index, plan.activationName(), plan.activation(),
                    Parameter.weights("W" + index, plan.units(), fanIn, precision, index == 1),
                    Parameter.bias("b" + index, plan.units(), precision),
                    plan.batchNorm() ? new BatchNorm(index, plan.units(), precision) : null));
            fanIn = plan.units();
        }
        return new Network(inputSize, precision, layers);
    }

    /**
     * Sets every parameter from {@code parameters} (row-major), checking that exactly these names are
     * there and each has its parameter's shape.
     *
     * @throws IllegalArgumentException naming what does not match
     */
    public void load(Map<String, NumpyArray> parameters) {
        List<String> expected = new ArrayList<>(parameters().stream().map(Parameter::name).toList());
        expected.addAll(statistics().keySet());
        if (!parameters.keySet().equals(new java.util.HashSet<>(expected))) {
            throw new IllegalArgumentException("the parameters are " + parameters.keySet() + " but the model has "
                    + expected);
        }
        for (Parameter p : parameters()) {
            NumpyArray array = parameters.get(p.name());
            if (!array.isMatrix(p.rows(), p.columns())) {
                throw new IllegalArgumentException(p.name() + " has shape " + array.shapeText() + " but the model needs "
                        + p.rows() + "x" + p.columns());
            }
            for (double v : array.values()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(p.name() + " holds a non-finite value (" + v + ")");
                }
            }
            p.setRowMajor(array.values());
        }
        for (Layer layer : layers) {
            if (layer.norm() != null) {
                loadStatistic(parameters, "running_mean" + layer.index(), layer.norm().runningMean, false);
                loadStatistic(parameters, "running_var" + layer.index(), layer.norm().runningVar, true);
            }
        }
    }

    private static void loadStatistic(Map<String, NumpyArray> arrays, String name, double[] into, boolean positive) {
        NumpyArray array = arrays.get(name);
        if (!array.isMatrix(into.length, 1)) {
            throw new IllegalArgumentException(name + " has shape " + array.shapeText() + " but the model needs "
                    + into.length + "x1");
        }
        double[] values = array.values();
        for (double v : values) {
            if (!Double.isFinite(v) || positive && v < 0) {
                throw new IllegalArgumentException(name + " holds " + v + (positive ? " (a variance must be a finite"
                        + " number >= 0)" : " (not finite)"));
            }
        }
        System.arraycopy(values, 0, into, 0, into.length);
    }

    /** Each batch-normalised layer's running statistics by name ({@code running_mean2}, {@code running_var2}). */
    private Map<String, NumpyArray> statistics() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        for (Layer layer : layers) {
            if (layer.norm() != null) {
                out.put("running_mean" + layer.index(), NumpyArray.matrix(layer.units(), 1,
                        layer.norm().runningMean.clone()));
                out.put("running_var" + layer.index(), NumpyArray.matrix(layer.units(), 1,
                        layer.norm().runningVar.clone()));
            }
        }
        return out;
    }

    public int inputSize() {
        return inputSize;
    }

    public Precision precision() {
        return precision;
    }

    List<Layer> layers() {
        return layers;
    }

    public int depth() {
        return layers.size();
    }

    /** The units of layer {@code index} (1-based). */
    public int units(int index) {
        return layers.get(index - 1).units();
    }

    public int outputUnits() {
        return layers.get(layers.size() - 1).units();
    }

    /** {@code W1, b1, W2, b2, ...}, in that order, with {@code gammaL} after a batch-normalised layer's; live. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(layers.size() * 2);
        for (Layer layer : layers) {
            out.add(layer.w());
            out.add(layer.b());
            if (layer.norm() != null) {
                out.add(layer.norm().gamma);
            }
        }
        return out;
    }

    /** Copies of the parameters by name ({@code W1, b1, ...}), row-major, as model files hold them. */
    public Map<String, NumpyArray> parameterArrays() {
        Map<String, NumpyArray> out = new LinkedHashMap<>();
        for (Parameter p : parameters()) {
            out.put(p.name(), new NumpyArray(new int[] {p.rows(), p.columns()}, p.toRowMajor(),
                    precision == Precision.FLOAT32));
        }
        out.putAll(statistics());
        return out;
    }
}
