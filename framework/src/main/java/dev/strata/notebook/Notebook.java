package dev.strata.notebook;

import dev.strata.engine.LayerFunctions;
import dev.strata.engine.Network;
import dev.strata.engine.Precision;
import dev.strata.io.NumpyArray;
import dev.strata.spi.NumpyRandom;
import dev.strata.registry.PluginRegistry;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Matrix;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Optimizer;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The "Deep Neural Network: Step by Step" notebooks' functions, one method each, so a learner can
 * follow the notebook in Java with ND4J arrays (Java's numpy). Every method delegates to the same
 * engine code and plugins that training uses ({@link LayerFunctions}, {@link Network}, the
 * {@code relu}/{@code sigmoid} activations, the {@code binary_cross_entropy} loss, the
 * {@code gradient_descent} rule): one implementation of the math. Arrays are float64; inputs may be
 * in any order, outputs are fresh arrays.
 *
 * <h2>Gradient naming</h2>
 * The notebooks disagree on how {@code grads["dA…"]} is indexed. Here {@code dA<l>} is always the
 * gradient of the cost with respect to {@code A<l>}, the output of layer {@code l}, with
 * {@code A0 = X}: {@link #lModelBackward} returns {@code dA0 … dA(L-1)}, {@code dW1 … dWL} and
 * {@code db1 … dbL}. (Notebook 000/004's convention; in 001/002, their {@code dA1} is this {@code dA0}.)
 */
public final class Notebook {
    private final PluginRegistry plugins;

    public Notebook(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** {@code linear_forward}'s cache: the layer's input and parameters. */
    public record LinearCache(INDArray aPrev, INDArray w, INDArray b) {
    }

    /** {@code linear_activation_forward}'s cache: the linear cache, Z, and the activation's output. */
    public record LayerCache(LinearCache linear, INDArray z, INDArray a, String activation) {
    }

    /** The output of a forward step and the cache its backward step needs. */
    public record Forward<C>(INDArray output, C cache) {
    }

    /** {@code L_model_forward}'s result. */
    public record ModelForward(INDArray al, List<LayerCache> caches) {
    }

    /** {@code linear_backward}'s result. */
    public record LinearGradients(INDArray dAPrev, INDArray dW, INDArray db) {
    }

    /**
     * The notebooks' 2-layer {@code initialize_parameters(n_x, n_h, n_y)}: {@code np.random.seed(seed)},
     * then {@code W = randn * 0.01} per layer, biases zero.
     */
    public Map<String, INDArray> initializeParameters(int nX, int nH, int nY, long seed) {
        return initializeParametersDeep(new int[] {nX, nH, nY}, seed, initializer("normal", Map.of("std", 0.01)));
    }

    /**
     * The notebooks' {@code initialize_parameters_deep(layer_dims)} with the given initializer, e.g.
     * {@code initializer("normal", Map.of("std", 0.01))} (part 1) or {@code initializer("lecun_normal",
     * Map.of())} ({@code randn / sqrt(fan_in)}, part 2's deep model).
     */
    public Map<String, INDArray> initializeParametersDeep(int[] layerDims, long seed, Initializer initializer) {
        List<Network.LayerPlan> plans = new ArrayList<>();
        for (int l = 1; l < layerDims.length; l++) {
            plans.add(new Network.LayerPlan(layerDims[l], "linear", activation("linear"), initializer));
        }
        Network network = Network.initialize(layerDims[0], plans, new NumpyRandom(seed), Precision.FLOAT64);
        Map<String, INDArray> out = new LinkedHashMap<>();
        network.parameterArrays().forEach((name, array) -> out.put(name, nd4j(array)));
        return out;
    }

    /** {@code linear_forward(A, W, b)}: {@code Z = W·A + b}. */
    public Forward<LinearCache> linearForward(INDArray a, INDArray w, INDArray b) {
        INDArray z = nd4j(LayerFunctions.linearForward(matrix(a), matrix(w), matrix(b)));
        return new Forward<>(z, new LinearCache(f(a), f(w), f(b)));
    }

    /** {@code linear_activation_forward(A_prev, W, b, activation)} with any installed activation. */
    public Forward<LayerCache> linearActivationForward(INDArray aPrev, INDArray w, INDArray b, String activation) {
        Matrix z = LayerFunctions.linearForward(matrix(aPrev), matrix(w), matrix(b));
        INDArray a = nd4j(LayerFunctions.activate(z, activation(activation)));
        return new Forward<>(a, new LayerCache(new LinearCache(f(aPrev), f(w), f(b)), nd4j(z), a, activation));
    }

    /** {@code L_model_forward(X, parameters)}: RELU for layers 1 … L-1, SIGMOID for layer L. */
    public ModelForward lModelForward(INDArray x, Map<String, INDArray> parameters) {
        int layers = parameters.size() / 2;
        List<LayerCache> caches = new ArrayList<>();
        INDArray a = x;
        for (int l = 1; l <= layers; l++) {
            Forward<LayerCache> step = linearActivationForward(a, parameters.get("W" + l), parameters.get("b" + l),
                    l < layers ? "relu" : "sigmoid");
            caches.add(step.cache());
            a = step.output();
        }
        return new ModelForward(a, Collections.unmodifiableList(caches));
    }

    /**
     * A layer's cache built from its parts, as the notebooks' test cases give them ({@code A_prev},
     * {@code W}, {@code b} and {@code Z}); the activation's output is recomputed from {@code Z}.
     */
    public LayerCache layerCache(INDArray aPrev, INDArray w, INDArray b, INDArray z, String activation) {
        INDArray a = nd4j(LayerFunctions.activate(matrix(z), activation(activation)));
        return new LayerCache(new LinearCache(f(aPrev), f(w), f(b)), f(z), a, activation);
    }

    /** {@code compute_cost(AL, Y)}: the cross-entropy cost. */
    public double computeCost(INDArray al, INDArray y) {
        return loss().cost(matrix(al), matrix(y));
    }

    /** {@code linear_backward(dZ, cache)}. */
    public LinearGradients linearBackward(INDArray dZ, LinearCache cache) {
        return gradients(LayerFunctions.linearBackward(matrix(dZ), matrix(cache.aPrev()), matrix(cache.w())));
    }

    /** {@code linear_activation_backward(dA, cache, activation)}. */
    public LinearGradients linearActivationBackward(INDArray dA, LayerCache cache, String activation) {
        Matrix dZ = LayerFunctions.activationGradient(matrix(dA), matrix(cache.z()), matrix(cache.a()),
                activation(activation));
        LinearCache linear = cache.linear();
        return gradients(LayerFunctions.linearBackward(dZ, matrix(linear.aPrev()), matrix(linear.w())));
    }

    private static LinearGradients gradients(LayerFunctions.LinearGradients g) {
        return new LinearGradients(nd4j(g.dAPrev()), nd4j(g.dW()), nd4j(g.db()));
    }

    /**
     * {@code L_model_backward(AL, Y, caches)}: starts from the cross-entropy gradient
     * {@code dAL = -(Y/AL - (1-Y)/(1-AL))}. See the class comment for how {@code dA<l>} is indexed.
     */
    public Map<String, INDArray> lModelBackward(INDArray al, INDArray y, List<LayerCache> caches) {
        Map<String, INDArray> grads = new LinkedHashMap<>();
        Matrix dAL = Matrix.zeros((int) al.rows(), (int) al.columns());
        loss().gradient(matrix(al), matrix(y), dAL);
        INDArray dA = nd4j(dAL);
        for (int l = caches.size(); l >= 1; l--) {
            LayerCache cache = caches.get(l - 1);
            LinearGradients g = linearActivationBackward(dA, cache, cache.activation());
            grads.put("dA" + (l - 1), g.dAPrev());
            grads.put("dW" + l, g.dW());
            grads.put("db" + l, g.db());
            dA = g.dAPrev();
        }
        return grads;
    }

    /**
     * {@code update_parameters(parameters, grads, learning_rate)} with the {@code gradient_descent}
     * optimizer. Returns updated copies; the arguments are left as they were.
     */
    public Map<String, INDArray> updateParameters(Map<String, INDArray> parameters, Map<String, INDArray> grads,
            double learningRate) {
        OptimizerFactory factory = require(OptimizerFactory.class, "gradient_descent", "optimizer");
        Optimizer rule = factory.create(Params.defaults(factory.parameters()));
        rule.beginUpdate(1);
        Map<String, INDArray> updated = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : parameters.entrySet()) {
            Matrix value = matrix(e.getValue());
            Matrix gradient = matrix(grads.get("d" + e.getKey()));
            double[] v = value.values();
            double[][] state = new double[0][];
            for (int i = 0; i < value.rows() * value.columns(); i++) {
                v[i] = rule.update(v[i], gradient.values()[i], learningRate, state, i);
            }
            updated.put(e.getKey(), nd4j(value));
        }
        return updated;
    }

    /** {@code predict(X, y, parameters)}'s predictions: 1 where the output exceeds 0.5, else 0. */
    public INDArray predict(INDArray x, Map<String, INDArray> parameters) {
        INDArray probabilities = lModelForward(x, parameters).al();
        return probabilities.gt(0.5).castTo(DataType.DOUBLE);
    }

    /** The fraction of predictions equal to the labels {@code y}, as the notebooks print it. */
    public static double accuracy(INDArray predictions, INDArray y) {
        return predictions.eq(f(y)).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** An installed initializer with the given parameters (others at their defaults). */
    public Initializer initializer(String name, Map<String, ?> params) {
        InitializerFactory factory = require(InitializerFactory.class, name, "initializer");
        Params values = Params.defaults(factory.parameters());
        for (Map.Entry<String, ?> e : params.entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        return factory.create(values);
    }

    private Activation activation(String name) {
        ActivationFactory factory = require(ActivationFactory.class, name, "activation");
        return factory.create(Params.defaults(factory.parameters()));
    }

    private Loss loss() {
        LossFactory factory = require(LossFactory.class, "binary_cross_entropy", "loss");
        return factory.create(Params.defaults(factory.parameters()));
    }

    private <F extends PluginFactory> F require(Class<F> type, String name, String kind) {
        F factory = plugins.get(type, name);
        if (factory == null) {
            throw new IllegalStateException("no " + kind + " named '" + name + "' is installed (installed: "
                    + plugins.factories(type).keySet() + "); put strata-plugins on the classpath");
        }
        return factory;
    }

    private static INDArray f(INDArray array) {
        INDArray d = array.dataType() == DataType.DOUBLE ? array : array.castTo(DataType.DOUBLE);
        return d.ordering() == 'f' && !d.isView() ? d : d.dup('f');
    }

    /** An ND4J array's values as a matrix (one column per example). */
    private static Matrix matrix(INDArray array) {
        INDArray d = array.rank() == 1 ? array.reshape(array.length(), 1) : array;
        double[][] rows = d.castTo(DataType.DOUBLE).toDoubleMatrix();
        return Matrix.ofRows(rows);
    }

    private static INDArray nd4j(Matrix m) {
        double[][] rows = new double[m.rows()][];
        for (int r = 0; r < m.rows(); r++) {
            rows[r] = m.row(r);
        }
        return rows.length == 0 ? Nd4j.create(DataType.DOUBLE, 0, m.columns()) : Nd4j.createFromArray(rows).dup('f');
    }

    private static INDArray nd4j(NumpyArray array) {
        return Nd4j.create(array.values(), new long[] {array.dim(0), array.dim(1)}, 'c').dup('f');
    }
}
