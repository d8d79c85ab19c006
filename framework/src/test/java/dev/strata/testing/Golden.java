package dev.strata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The reference values generated with numpy from the notebooks' algorithm, copied into the test
 * resources ({@code golden/}). JSON is read with SnakeYAML's safe loader, which parses it as YAML.
 */
public final class Golden {
    private Golden() {
    }

    public static Map<String, Object> seedTestCases() {
        return load("/golden/seed-test-cases.json");
    }

    /** {@code configs/cat-adam-minibatch.yaml}'s cost per epoch, from {@code examples/benchmark/peers/cat_adam_numpy.py}. */
    public static Map<String, Object> adamMinibatchTrajectory() {
        return load("/golden/cat-adam-minibatch-numpy.json");
    }

    /** numpy references for dropout, penalties, schedules, standardisation and the validation split. */
    public static Map<String, Object> trainingFeatures() {
        return load("/golden/training-features-numpy.json");
    }

    public static Map<String, Object> trajectories() {
        return load("/golden/cat-training-trajectories.json");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> seedCase(String name) {
        return (Map<String, Object>) ((Map<String, Object>) seedTestCases().get("cases")).get(name);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> trajectory(String name) {
        return (Map<String, Object>) trajectories().get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return (Map<String, Object>) new Yaml(new SafeConstructor(options)).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A matrix given as a list of rows, as a float64 array. */
    @SuppressWarnings("unchecked")
    public static INDArray matrix(Object rows) {
        List<List<Number>> list = (List<List<Number>>) rows;
        double[][] values = new double[list.size()][];
        for (int r = 0; r < list.size(); r++) {
            List<Number> row = list.get(r);
            values[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                values[r][c] = row.get(c).doubleValue();
            }
        }
        return Nd4j.createFromArray(values);
    }

    @SuppressWarnings("unchecked")
    public static double[] vector(Object values) {
        List<Number> list = (List<Number>) values;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).doubleValue();
        }
        return out;
    }
}
