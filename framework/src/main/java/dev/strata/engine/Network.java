package dev.strata.engine;

import dev.strata.spi.Activation;
import dev.strata.spi.Initializer;
import dev.strata.spi.Parameter;
import dev.strata.spi.RandomStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layers of a feed-forward network and their parameters. */
public final class Network {
    private final int inputSize;
    private final DataType dtype;
    private final List<DenseLayer> layers;

    private Network(int inputSize, DataType dtype, List<DenseLayer> layers) {
        this.inputSize = inputSize;
        this.dtype = dtype;
        this.layers = List.copyOf(layers);
    }

    /** How one layer is built. */
    public record LayerPlan(int units, String activationName, Activation activation, Initializer initializer) {
    }

    /**
     * Draws every layer's weights in layer order from {@code random}, biases zero — the order of the
     * seeds' {@code initialize_parameters_deep}, so numpy's numbers are reproduced.
     */
    public static Network initialize(int inputSize, List<LayerPlan> plans, RandomStream random, DataType dtype) {
        List<DenseLayer> layers = new ArrayList<>(plans.size());
        int fanIn = inputSize;
        for (int i = 0; i < plans.size(); i++) {
            LayerPlan plan = plans.get(i);
            double[] values = plan.initializer().weights(plan.units(), fanIn, random);
            if (values.length != (long) plan.units() * fanIn) {
                throw new IllegalStateException("initializer " + plan.initializer().getClass().getName() + " returned "
                        + values.length + " weights for layer " + (i + 1) + ", expected " + plan.units() + "x" + fanIn);
            }
            INDArray w = Nd4j.create(values, new long[] {plan.units(), fanIn}, 'c').castTo(dtype)
                    .dup(Layouts.weightOrder(dtype));
            layers.add(layer(i + 1, plan, w, Nd4j.zeros(dtype, plan.units(), 1).dup('f')));
            fanIn = plan.units();
        }
        return new Network(inputSize, dtype, layers);
    }

    /** A network from given parameters ({@code W1, b1, ...}), e.g. a saved model. Arrays are copied. */
    public static Network fromParameters(Map<String, INDArray> parameters, List<LayerPlan> plans, DataType dtype) {
        List<DenseLayer> layers = new ArrayList<>(plans.size());
        int inputSize = -1;
        for (int i = 0; i < plans.size(); i++) {
            INDArray w = parameters.get("W" + (i + 1));
            INDArray b = parameters.get("b" + (i + 1));
            if (w == null || b == null) {
                throw new IllegalArgumentException("missing W" + (i + 1) + " or b" + (i + 1) + " among " + parameters.keySet());
            }
            if (w.rows() != plans.get(i).units()) {
                throw new IllegalArgumentException("W" + (i + 1) + " has " + w.rows() + " rows, layer " + (i + 1)
                        + " has " + plans.get(i).units() + " units");
            }
            if (i == 0) {
                inputSize = (int) w.columns();
            } else if (w.columns() != layers.get(i - 1).units()) {
                throw new IllegalArgumentException("W" + (i + 1) + " has " + w.columns() + " columns, layer " + i
                        + " has " + layers.get(i - 1).units() + " units");
            }
            layers.add(layer(i + 1, plans.get(i), w.castTo(dtype).dup(Layouts.weightOrder(dtype)),
                    b.castTo(dtype).reshape(w.rows(), 1).dup('f')));
        }
        return new Network(inputSize, dtype, layers);
    }

    private static DenseLayer layer(int index, LayerPlan plan, INDArray w, INDArray b) {
        return new DenseLayer(index, plan.activationName(), plan.activation(), w, b,
                Nd4j.create(w.dataType(), w.shape(), w.ordering()), Nd4j.zeros(b.dataType(), b.rows(), 1).dup('f'));
    }

    public int inputSize() {
        return inputSize;
    }

    public DataType dtype() {
        return dtype;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    public DenseLayer output() {
        return layers.get(layers.size() - 1);
    }

    /** {@code W1, b1, W2, b2, ...} with their gradients, in that order. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(layers.size() * 2);
        for (DenseLayer layer : layers) {
            out.add(new Parameter("W" + layer.index(), layer.w(), layer.dW()));
            out.add(new Parameter("b" + layer.index(), layer.b(), layer.db()));
        }
        return out;
    }

    /** The live parameter arrays by name ({@code W1, b1, ...}); not copies. */
    public Map<String, INDArray> parameterMap() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Parameter p : parameters()) {
            out.put(p.name(), p.value());
        }
        return out;
    }

    /**
     * The output activations for {@code x} (features × examples), allocating fresh arrays; the same
     * {@link LayerMath#layerForward} the training loop runs, so predictions equal training's outputs.
     */
    public INDArray predictProbabilities(INDArray x) {
        INDArray a = x;
        LayerMath.Scratch scratch = new LayerMath.Scratch();
        for (DenseLayer layer : layers) {
            INDArray z = Nd4j.create(dtype, new long[] {layer.units(), a.columns()}, 'f');
            INDArray next = Nd4j.create(dtype, new long[] {layer.units(), a.columns()}, 'f');
            LayerMath.layerForward(a, layer.w(), layer.b(), layer.activation(), z, next, scratch);
            a = next;
        }
        return a;
    }
}
