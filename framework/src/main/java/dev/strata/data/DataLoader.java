package dev.strata.data;

import dev.strata.engine.Features;
import dev.strata.engine.Inputs;
import dev.strata.engine.StreamedFeatures;
import dev.strata.engine.Precision;
import dev.strata.registry.PluginRegistry;
import dev.strata.spec.DataSpec;
import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ExampleReader;
import dev.strata.spi.Examples;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the data a spec names through its data-source plugin, checks it against the model
 * (finite features, equal widths, labels the loss can take), and lays it out for the engine.
 */
public final class DataLoader {
    private final PluginRegistry plugins;

    public DataLoader(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    /** A split's features may take at most this share of the heap in memory under {@code data.cache: auto}. */
    static final double HEAP_SHARE = 0.5;

    public PreparedData load(ModelSpec spec) {
        DataSourceFactory factory = plugins.get(DataSourceFactory.class, spec.data().format());
        if (factory == null) {
            throw new BadInputException(spec.source().locate("data.format") + ": data.format: unknown data format '"
                    + spec.data().format() + "'", "installed formats: " + String.join(", ", plugins.factories(DataSourceFactory.class).keySet()));
        }
        DataSource source = factory.create();
        Read train = read(source, spec.data().train(), spec, "train");
        Read test = null;
        try {
            test = spec.data().test() == null ? null : read(source, spec.data().test(), spec, "test");
            if (test != null && test.width() != train.width()) {
                throw new BadInputException(spec.source().locate("data.test") + ": data.test: test examples have "
                        + test.width() + " features " + Arrays.toString(test.shape()) + " but train examples have "
                        + train.width() + " " + Arrays.toString(train.shape()),
                        "use a test set with the same features as the training set");
            }
            if (!spec.data().preprocessing().flatten() && train.shape().length > 1) {
                throw new BadInputException(spec.source().locate("data.preprocessing") + ": data.preprocessing.flatten:"
                        + " examples have shape " + Arrays.toString(train.shape())
                        + " but dense layers take one column per example", "set data.preprocessing.flatten: true");
            }
            List<String> classNames = classNames(source, spec);
            LabelLayout layout = labelLayout(spec);
            return new PreparedData(prepare("train", train, spec, layout),
                    test == null ? null : prepare("test", test, spec, layout), classNames);
        } catch (RuntimeException e) {
            train.close();
            if (test != null) {
                test.close();
            }
            throw e;
        }
    }

    /** A split as read: in memory, or open for streaming. */
    private record Read(Examples examples, ExampleReader reader) implements AutoCloseable {
        int width() {
            return examples != null ? examples.width() : (int) Arrays.stream(reader.exampleShape()).asLongStream()
                    .reduce(1, (x, y) -> x * y);
        }

        int[] shape() {
            return examples != null ? examples.exampleShape() : reader.exampleShape();
        }

        int count() {
            return examples != null ? examples.count() : reader.count();
        }

        double[] labels() {
            return examples != null ? examples.labels() : reader.labels();
        }

        @Override
        public void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    // reading is over; nothing of the run depends on closing cleanly
                }
            }
        }
    }

    /** Reads a split into memory or opens it for streaming, as {@code data.cache} says. */
    private static Read read(DataSource source, Params params, ModelSpec spec, String split) {
        DataSpec.Cache cache = spec.data().cache();
        boolean minibatch = spec.training().minibatch();
        long heapShare = (long) (HEAP_SHARE * Runtime.getRuntime().maxMemory());
        try {
            Read read;
            if (cache == DataSpec.Cache.MEMORY || cache == DataSpec.Cache.AUTO && (!minibatch
                    || fileBytes(params) <= heapShare)) {
                read = new Read(source.read(params), null);
            } else {
                ExampleReader reader = open(source, params, spec, split);
                if (cache == DataSpec.Cache.AUTO && reader.bytesPerExample() * reader.count() <= heapShare) {
                    try (reader) {
                        read = new Read(reader.readAll(), null);
                    }
                } else {
                    read = new Read(null, reader);
                }
            }
            if (read.count() == 0) {
                read.close();
                throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": no examples in "
                        + params.asMap().getOrDefault("path", "the data"), "point data." + split + " at a non-empty data set");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("reading data." + split + " failed: " + e.getMessage(), e);
        }
    }

    private static ExampleReader open(DataSource source, Params params, ModelSpec spec, String split)
            throws IOException {
        try {
            return source.open(params);
        } catch (BadInputException e) {
            throw new BadInputException(spec.source().locate("data.cache") + ": data.cache: data format '"
                    + spec.data().format() + "' (data." + split + "): " + e.getMessage(), null);
        }
    }

    /** The file a split names, for messages. */
    private static Object pathOf(ModelSpec spec, String split) {
        Params params = "test".equals(split) ? spec.data().test() : spec.data().train();
        return params.asMap().getOrDefault("path", spec.data().format() + " data");
    }

    /** The size on disk of the files a split's parameters name: an estimate of its size in memory. */
    private static long fileBytes(Params params) {
        long bytes = 0;
        for (Object value : params.asMap().values()) {
            if (value instanceof java.nio.file.Path path && java.nio.file.Files.isRegularFile(path)) {
                try {
                    bytes += java.nio.file.Files.size(path);
                } catch (IOException e) {
                    // the source will report the file when it reads it
                }
            }
        }
        return bytes;
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
        return plugins.get(LossFactory.class, spec.loss().type());
    }

    private static Split prepare(String name, Read read, ModelSpec spec, LabelLayout layout) {
        Precision precision = spec.dtype().precision();
        double[] labels = read.labels();
        double[] y = targets(name, labels, spec, layout);
        for (int i = 0; i < y.length; i++) {
            y[i] = precision.round(y[i]);
        }
        int outputs = y.length / read.count();
        double scale = spec.data().preprocessing().scale();
        Inputs inputs = read.examples() != null ? new Inputs(features(name, read.examples(), spec), y, outputs)
                : new Inputs(new StreamedFeatures(read.reader(), scale, spec.source().locate("data." + name) + ": data."
                        + name + " (" + pathOf(spec, name) + ")"), y, outputs);
        return new Split(name, inputs, labels, read.shape());
    }

    /** The features as read, checked finite, to be scaled by {@code data.preprocessing.scale} batch by batch. */
    private static Features features(String name, Examples examples, ModelSpec spec) {
        int width = examples.width();
        Features features = Features.of(examples.features(), spec.data().preprocessing().scale());
        long bad = features.firstNonFinite();
        if (bad >= 0) {
            int example = (int) (bad / width);
            int feature = (int) (bad % width);
            throw new BadInputException(spec.source().locate("data." + name) + ": data." + name + ": feature "
                    + feature + " of example " + example + " is " + features.raw(example)[feature],
                    "remove or impute non-finite values before training");
        }
        return features;
    }

    /** The targets the loss compares with, outputs × examples in column order. */
    private static double[] targets(String split, double[] labels, ModelSpec spec, LabelLayout layout) {
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
            return labels.clone();
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
            return labels.clone();
        }
        double[] oneHot = new double[classes * m];
        for (int i = 0; i < m; i++) {
            oneHot[i * classes + (int) labels[i]] = 1.0;
        }
        return oneHot;
    }
}
