package dev.strata.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.notebook.Notebook.Forward;
import dev.strata.notebook.Notebook.LayerCache;
import dev.strata.notebook.Notebook.LinearCache;
import dev.strata.notebook.Notebook.LinearGradients;
import dev.strata.notebook.Notebook.ModelForward;
import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spi.NumpyRandom;
import dev.strata.testing.Golden;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every test case of the notebooks' notebooks, reproduced through the step-by-step API. Inputs are
 * regenerated from each case's seed and draw order with the numpy-compatible stream (and checked
 * against the stored inputs); outputs must match numpy's to 1e-12.
 */
class NotebookGoldenTest {
    private static final double TOLERANCE = 1e-12;
    private static Notebook notebook;

    @BeforeAll
    static void installedPlugins() {
        notebook = new Notebook(StrataInjector.create(List.of()).getInstance(PluginRegistry.class));
    }

    /** Draws the matrices named in a case's {@code draws} ("A(3,2) W(1,3) b(1,1)") in order. */
    private static Map<String, INDArray> draw(long seed, String draws) {
        NumpyRandom random = new NumpyRandom(seed);
        Map<String, INDArray> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)\\((\\d+),(\\d+)\\)").matcher(draws);
        while (m.find()) {
            int rows = Integer.parseInt(m.group(2));
            int cols = Integer.parseInt(m.group(3));
            out.put(m.group(1), Nd4j.create(random.gaussians(rows * cols), new long[] {rows, cols}, 'c'));
        }
        return out;
    }

    private static Map<String, INDArray> inputs(Map<String, Object> c) {
        Map<String, INDArray> drawn = draw(((Number) c.get("seed")).longValue(), (String) c.get("draws"));
        drawn.forEach((name, value) -> {
            if (c.containsKey(name)) {
                assertThat(value.toDoubleMatrix()).as("regenerated input %s", name)
                        .isDeepEqualTo(Golden.matrix(c.get(name)).toDoubleMatrix());
            }
        });
        return drawn;
    }

    private static void assertClose(INDArray actual, Object expected, String what) {
        INDArray e = Golden.matrix(expected);
        assertThat(actual.shape()).as(what + " shape").containsExactly(e.shape());
        double[] a = actual.dup('c').data().asDouble();
        double[] x = e.dup('c').data().asDouble();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s[%d]", what, i).isCloseTo(x[i], within(TOLERANCE));
        }
    }

    private static int[] dims(Object list) {
        return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    @Test
    void initializeParametersTwoLayerDrawsRandnTimesPointZeroOne() {
        for (String name : List.of("initialize_parameters_3_2_1", "initialize_parameters_2_2_1")) {
            Map<String, Object> c = Golden.seedCase(name);
            int[] d = dims(c.get("layer_dims"));
            Map<String, INDArray> p = notebook.initializeParameters(d[0], d[1], d[2], ((Number) c.get("seed")).longValue());
            assertClose(p.get("W1"), c.get("W1"), name + " W1");
            assertClose(p.get("W2"), c.get("W2"), name + " W2");
            assertThat(p.get("b1").sumNumber().doubleValue()).isZero();
            assertThat(p.get("b2").shape()).containsExactly(d[2], 1);
        }
    }

    @Test
    void initializeParametersDeepWithScaledNormal() {
        Map<String, Object> c = Golden.seedCase("initialize_parameters_deep_5_4_3");
        Map<String, INDArray> p = notebook.initializeParametersDeep(dims(c.get("layer_dims")), 3,
                notebook.initializer("normal", Map.of("std", 0.01)));
        assertClose(p.get("W1"), c.get("W1"), "W1");
        assertClose(p.get("W2"), c.get("W2"), "W2");
    }

    @Test
    void initializeParametersDeepWithRandnOverSqrtFanIn() {
        Map<String, Object> c = Golden.seedCase("initialise_parameters_sqrt_2_4_1");
        Map<String, INDArray> p = notebook.initializeParametersDeep(dims(c.get("layer_dims")), 3,
                notebook.initializer("lecun_normal", Map.of()));
        assertClose(p.get("W1"), c.get("W1"), "W1");
        assertClose(p.get("W2"), c.get("W2"), "W2");
    }

    @Test
    void linearForward() {
        Map<String, Object> c = Golden.seedCase("linear_forward");
        Map<String, INDArray> in = inputs(c);
        assertClose(notebook.linearForward(in.get("A"), in.get("W"), in.get("b")).output(), c.get("Z"), "Z");
    }

    @Test
    void linearActivationForwardWithSigmoidAndRelu() {
        Map<String, Object> c = Golden.seedCase("linear_activation_forward");
        Map<String, INDArray> in = inputs(c);
        assertClose(notebook.linearActivationForward(in.get("A_prev"), in.get("W"), in.get("b"), "sigmoid").output(),
                c.get("sigmoid_A"), "sigmoid A");
        assertClose(notebook.linearActivationForward(in.get("A_prev"), in.get("W"), in.get("b"), "relu").output(),
                c.get("relu_A"), "relu A");
    }

    @Test
    void lModelForwardWithTwoHiddenLayers() {
        Map<String, Object> c = Golden.seedCase("L_model_forward_2hidden");
        Map<String, INDArray> in = inputs(c);
        Map<String, INDArray> parameters = new LinkedHashMap<>(in);
        INDArray x = parameters.remove("X");
        ModelForward forward = notebook.lModelForward(x, parameters);
        assertClose(forward.al(), c.get("AL"), "AL");
        assertThat(forward.caches()).hasSize(((Number) c.get("caches")).intValue());
    }

    @Test
    void computeCostForBothLabelVectorsOfTheSeeds() {
        for (String name : List.of("compute_cost_y111", "compute_cost_y110")) {
            Map<String, Object> c = Golden.seedCase(name);
            double cost = notebook.computeCost(Golden.matrix(c.get("AL")), Golden.matrix(c.get("Y")));
            assertThat(cost).as(name).isCloseTo(((Number) c.get("cost")).doubleValue(), within(TOLERANCE));
        }
    }

    @Test
    void linearBackwardBothVersionsOfTheTestCase() {
        for (String name : List.of("linear_backward", "linear_backward_v4a")) {
            Map<String, Object> c = Golden.seedCase(name);
            Map<String, INDArray> in = inputs(c);
            LinearGradients g = notebook.linearBackward(in.get("dZ"), new LinearCache(in.get("A"), in.get("W"), in.get("b")));
            assertClose(g.dAPrev(), c.get("dA_prev"), name + " dA_prev");
            assertClose(g.dW(), c.get("dW"), name + " dW");
            assertClose(g.db(), c.get("db"), name + " db");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void linearActivationBackwardWithSigmoidAndRelu() {
        Map<String, Object> c = Golden.seedCase("linear_activation_backward");
        Map<String, INDArray> in = inputs(c);
        for (String activation : List.of("sigmoid", "relu")) {
            LayerCache cache = notebook.layerCache(in.get("A"), in.get("W"), in.get("b"), in.get("Z"), activation);
            LinearGradients g = notebook.linearActivationBackward(in.get("dA"), cache, activation);
            Map<String, Object> expected = (Map<String, Object>) c.get(activation);
            assertClose(g.dAPrev(), expected.get("dA_prev"), activation + " dA_prev");
            assertClose(g.dW(), expected.get("dW"), activation + " dW");
            assertClose(g.db(), expected.get("db"), activation + " db");
        }
    }

    /**
     * {@code dA<l>} is the gradient with respect to {@code A<l>} (the output of layer l, A0 = X):
     * the golden file's {@code grad_wrt_A1} and {@code grad_wrt_A0}.
     */
    @Test
    void lModelBackwardNamesGradientsByTheActivationTheyDifferentiate() {
        Map<String, Object> c = Golden.seedCase("L_model_backward");
        Map<String, INDArray> in = inputs(c);
        List<LayerCache> caches = List.of(
                notebook.layerCache(in.get("A1"), in.get("W1"), in.get("b1"), in.get("Z1"), "relu"),
                notebook.layerCache(in.get("A2"), in.get("W2"), in.get("b2"), in.get("Z2"), "sigmoid"));
        Map<String, INDArray> grads = notebook.lModelBackward(in.get("AL"), Golden.matrix(c.get("Y")), caches);
        assertClose(grads.get("dW1"), c.get("dW1"), "dW1");
        assertClose(grads.get("db1"), c.get("db1"), "db1");
        assertClose(grads.get("dW2"), c.get("dW2"), "dW2");
        assertClose(grads.get("db2"), c.get("db2"), "db2");
        assertClose(grads.get("dA1"), c.get("grad_wrt_A1"), "dA1");
        assertClose(grads.get("dA0"), c.get("grad_wrt_A0"), "dA0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void updateParametersTakesOneGradientDescentStep() {
        Map<String, Object> c = Golden.seedCase("update_parameters");
        Map<String, INDArray> params = draw(2, "W1(3,4) b1(3,1) W2(1,3) b2(1,1)");
        Map<String, INDArray> grads = new LinkedHashMap<>();
        draw(3, "W1(3,4) b1(3,1) W2(1,3) b2(1,1)").forEach((k, v) -> grads.put("d" + k, v));
        for (String k : List.of("W1", "b1", "W2", "b2")) {
            assertClose(params.get(k), c.get(k), "input " + k);
            assertClose(grads.get("d" + k), c.get("d" + k), "input d" + k);
        }
        Map<String, INDArray> updated = notebook.updateParameters(params, grads, ((Number) c.get("learning_rate")).doubleValue());
        Map<String, Object> expected = (Map<String, Object>) c.get("updated");
        for (String k : List.of("W1", "b1", "W2", "b2")) {
            assertClose(updated.get(k), expected.get(k), "updated " + k);
        }
        assertClose(params.get("W1"), c.get("W1"), "arguments are left as they were");
    }

    @Test
    void predictThresholdsAtOneHalf() {
        Map<String, INDArray> parameters = Map.of("W1", Nd4j.createFromArray(new double[][] {{1.0}}),
                "b1", Nd4j.createFromArray(new double[][] {{0.0}}));
        INDArray x = Nd4j.createFromArray(new double[][] {{-1.0, 0.0, 2.0}});
        INDArray predictions = notebook.predict(x, parameters);
        assertThat(predictions.toDoubleVector()).containsExactly(0.0, 0.0, 1.0);
        assertThat(Notebook.accuracy(predictions, Nd4j.createFromArray(new double[][] {{0.0, 1.0, 1.0}})))
                .isCloseTo(2.0 / 3.0, within(1e-15));
    }
}
