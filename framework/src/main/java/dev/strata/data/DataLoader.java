package dev.strata.data;

import dev.strata.plugin.PluginRegistry;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.Examples;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the data a spec names through its data-source plugin, checks it against the model
 * (finite features, equal widths, labels the loss can take), and lays it out for the engine.
 */
public final class DataLoader {
    private final PluginRegistry plugins;

    public DataLoader(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    public PreparedData load(ModelSpec spec) {
        DataSourceFactory factory = plugins.dataSources().get(spec.data().format());
        if (factory == null) {
            throw new BadInputException(spec.source().locate("data.format") + ": data.format: unknown data format '"
                    + spec.data().format() + "'", "installed formats: " + String.join(", ", plugins.dataSources().keySet()));
        }
        DataSource source = factory.create();
        Examples train = read(source, spec.data().train(), spec, "train");
        Examples test = spec.data().test() == null ? null : read(source, spec.data().test(), spec, "test");
        if (test != null && test.width() != train.width()) {
            throw new BadInputException(spec.source().locate("data.test") + ": data.test: test examples have "
                    + test.width() + " features " + Arrays.toString(test.exampleShape()) + " but train examples have "
                    + train.width() + " " + Arrays.toString(train.exampleShape()),
                    "use a test set with the same features as the training set");
        }
        if (!spec.data().preprocessing().flatten() && train.exampleShape().length > 1) {
            throw new BadInputException(spec.source().locate("data.preprocessing") + ": data.preprocessing.flatten:"
                    + " examples have shape " + Arrays.toString(train.exampleShape())
                    + " but dense layers take one column per example", "set data.preprocessing.flatten: true");
        }
        List<String> classNames = classNames(source, spec);
        LabelLayout layout = labelLayout(spec);
        return new PreparedData(prepare("train", train, spec, layout), test == null ? null : prepare("test", test, spec, layout),
                classNames);
    }

    private static Examples read(DataSource source, Params params, ModelSpec spec, String split) {
        try {
            Examples examples = source.read(params);
            if (examples.count() == 0) {
                throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": no examples in "
                        + params.asMap().getOrDefault("path", "the data"), "point data." + split + " at a non-empty data set");
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("reading data." + split + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> classNames(DataSource source, ModelSpec spec) {
        int units = spec.model().layers().get(spec.model().layers().size() - 1).units();
        int classes = Math.max(2, units);
        if (spec.data().classNames() != null) {
            try {
                List<String> names = source.classNames(spec.data().classNames());
                if (lossFactory(spec).labelKind() == LossFactory.LabelKind.CLASS_INDEX && names.size() != classes) {
                    throw new BadInputException(spec.source().locate("data.class_names") + ": data.class_names: "
                            + names.size() + " class names " + names + " for a model with " + classes + " classes",
                            "name one class per output unit (two for a single sigmoid unit)");
                }
                return names;
            } catch (IOException e) {
                throw new UncheckedIOException("reading data.class_names failed: " + e.getMessage(), e);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** How labels become the output rows the loss compares against. */
    private enum LabelLayout {
        /** One row of 0/1 labels for a single sigmoid unit. */
        BINARY,
        /** One row per class, one-hot. */
        ONE_HOT,
        /** One row of label values as they are. */
        VALUE
    }

    private LabelLayout labelLayout(ModelSpec spec) {
        List<LayerSpec> layers = spec.model().layers();
        int units = layers.get(layers.size() - 1).units();
        if (lossFactory(spec).labelKind() == LossFactory.LabelKind.VALUE) {
            if (units != 1) {
                throw new BadInputException(spec.source().locate("model.layers[" + (layers.size() - 1) + "].units")
                        + ": model.layers[" + (layers.size() - 1) + "].units: loss " + spec.loss().type()
                        + " compares one label per example with the output, but the output layer has " + units + " units",
                        "give the output layer 1 unit");
            }
            return LabelLayout.VALUE;
        }
        return units == 1 ? LabelLayout.BINARY : LabelLayout.ONE_HOT;
    }

    private LossFactory lossFactory(ModelSpec spec) {
        return plugins.losses().get(spec.loss().type());
    }

    private static Split prepare(String name, Examples examples, ModelSpec spec, LabelLayout layout) {
        INDArray x = features(name, examples, spec);
        INDArray y = labels(name, examples, spec, layout).castTo(spec.dtype().nd4j());
        return new Split(name, x, y, examples.labels(), examples.exampleShape(),
                "test".equals(name) ? examples.features() : null);
    }

    /**
     * The scaled features written straight into native memory in chunks, in the run's precision:
     * count × width row-major is width × count column-major, so no transpose is needed, and no
     * second full copy is made on the Java heap.
     */
    private static INDArray features(String name, Examples examples, ModelSpec spec) {
        double[] raw = examples.features();
        double scale = spec.data().preprocessing().scale();
        int width = examples.width();
        DataType dtype = spec.dtype().nd4j();
        INDArray x = Nd4j.create(dtype, new long[] {width, examples.count()}, 'f');
        int chunk = 1 << 16;
        double[] doubles = dtype == DataType.DOUBLE ? new double[chunk] : null;
        float[] floats = dtype == DataType.DOUBLE ? null : new float[chunk];
        for (int start = 0; start < raw.length; start += chunk) {
            int n = Math.min(chunk, raw.length - start);
            for (int k = 0; k < n; k++) {
                double v = raw[start + k];
                if (!Double.isFinite(v)) {
                    int i = start + k;
                    throw new BadInputException(spec.source().locate("data." + name) + ": data." + name + ": feature "
                            + (i % width) + " of example " + (i / width) + " is " + v,
                            "remove or impute non-finite values before training");
                }
                // Divide, as the seeds do (x / 255): multiplying by 1/255 differs in the last bit.
                double scaled = scale == 1.0 ? v : v / scale;
                if (doubles != null) {
                    doubles[k] = scaled;
                } else {
                    floats[k] = (float) scaled;
                }
            }
            if (doubles != null) {
                new DoublePointer(x.data().addressPointer()).position(start).put(doubles, 0, n);
            } else {
                new FloatPointer(x.data().addressPointer()).position(start).put(floats, 0, n);
            }
        }
        return x;
    }

    private static INDArray labels(String split, Examples examples, ModelSpec spec, LabelLayout layout) {
        double[] labels = examples.labels();
        int m = labels.length;
        List<LayerSpec> layers = spec.model().layers();
        int units = layers.get(layers.size() - 1).units();
        int classes = layout == LabelLayout.BINARY ? 2 : units;
        if (layout == LabelLayout.VALUE) {
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(labels[i])) {
                    throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": label of example "
                            + i + " is " + labels[i], "remove or fix non-finite labels");
                }
            }
            return Nd4j.create(labels.clone(), new long[] {1, m}, 'f');
        }
        for (int i = 0; i < m; i++) {
            double v = labels[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": label " + v
                        + " of example " + i + " is not a class index in 0.." + (classes - 1) + " that loss "
                        + spec.loss().type() + " with " + units + " output unit" + (units == 1 ? "" : "s") + " expects",
                        units == 1 ? "binary labels must be 0 or 1" : "labels must be class indices below " + classes);
            }
        }
        if (layout == LabelLayout.BINARY) {
            return Nd4j.create(labels.clone(), new long[] {1, m}, 'f');
        }
        double[] oneHot = new double[classes * m];
        for (int i = 0; i < m; i++) {
            oneHot[i * classes + (int) labels[i]] = 1.0;
        }
        return Nd4j.create(oneHot, new long[] {classes, m}, 'f');
    }
}
