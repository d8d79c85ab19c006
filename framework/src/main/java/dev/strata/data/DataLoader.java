package dev.strata.data;

import dev.strata.engine.Features;
import dev.strata.engine.Inputs;
import dev.strata.engine.Normalizer;
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
        Read validation = null;
        try {
            test = spec.data().test() == null ? null : read(source, spec.data().test(), spec, "test");
            requireWidth(test, train, spec, "test");
            Targets.Layout layout = labelLayout(spec);
            boolean text = train.labelNames() != null;
            List<String> classNames = classNames(source, spec, train);
            if (spec.data().validation() != null) {
                validation = read(source, spec.data().validation(), spec, "validation");
                requireWidth(validation, train, spec, "validation");
                remapText(validation, text, classNames, spec, "validation");
            } else if (spec.data().validationSplit() > 0) {
                Read[] parts = split(train, spec, layout != Targets.Layout.VALUE);
                train = parts[0];
                validation = parts[1];
            }
            if (!spec.data().preprocessing().flatten() && train.shape().length > 1) {
                throw new BadInputException(spec.source().locate("data.preprocessing") + ": data.preprocessing.flatten:"
                        + " examples have shape " + Arrays.toString(train.shape())
                        + " but dense layers take one column per example", "set data.preprocessing.flatten: true");
            }
            remapText(test, text, classNames, spec, "test");
            Split trainSplit = prepare("train", train, spec, layout);
            Normalizer normalizer = switch (spec.data().preprocessing().normalize()) {
                case STANDARDIZE -> Normalizer.standardize(trainSplit.inputs());
                case MIN_MAX -> Normalizer.minMax(trainSplit.inputs());
                case NONE -> null;
            };
            return new PreparedData(trainSplit.normalized(normalizer),
                    test == null ? null : prepare("test", test, spec, layout).normalized(normalizer), classNames,
                    validation == null ? null : prepare("validation", validation, spec, layout).normalized(normalizer),
                    normalizer, train.featureNames());
        } catch (RuntimeException e) {
            for (Read r : new Read[] {train, test, validation}) {
                if (r != null) {
                    r.close();
                }
            }
            throw e;
        }
    }

    private static void requireWidth(Read other, Read train, ModelSpec spec, String split) {
        if (other != null && other.width() != train.width()) {
            throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": " + split
                    + " examples have " + other.width() + " features " + Arrays.toString(other.shape())
                    + " but train examples have " + train.width() + " " + Arrays.toString(train.shape()),
                    "use a " + split + " set with the same features as the training set");
        }
        if (other != null) {
            FeatureNames.require(train.featureNames(), other.featureNames(), spec.source().locate("data." + split)
                    + ": data." + split);
        }
    }

    /** {@code data.validation: {split: f}}: the training examples left, and those held out. */
    private static Read[] split(Read train, ModelSpec spec, boolean classes) {
        String at = spec.source().locate("data.validation") + ": data.validation.split: ";
        if (train.examples() == null) {
            throw new BadInputException(at + "a split needs the training examples in memory, but data.train is"
                    + " streamed from disk (data.cache)", "give data.validation a file of its own, or set"
                    + " data.cache: memory");
        }
        double[] labels = train.labels();
        boolean stratify = classes && Arrays.stream(labels).allMatch(v -> v >= 0 && v == Math.rint(v) && v < 1e6);
        boolean[] held = ValidationSplit.heldOut(labels, spec.data().validationSplit(), spec.seed(), stratify);
        int n = 0;
        for (boolean h : held) {
            n += h ? 1 : 0;
        }
        if (n == 0 || n == held.length) {
            throw new BadInputException(at + "holding out " + spec.data().validationSplit() + " of "
                    + held.length + " training examples leaves " + (n == 0 ? "no validation examples"
                    : "no training examples"), "choose a split that leaves examples on both sides, or give"
                    + " data.validation a file");
        }
        return new Read[] {new Read(ValidationSplit.select(train.examples(), held, false), null),
            new Read(ValidationSplit.select(train.examples(), held, true), null)};
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

    private static void remapText(Read split, boolean text, List<String> classNames, ModelSpec spec, String name) {
        if (text) {
            TextLabels.remap(split, classNames, spec, name);
        } else if (split != null && split.labelNames() != null) {
            throw new BadInputException(spec.source().locate("data." + name) + ": data." + name + ": labels are"
                    + " class names, but the training labels are numbers", "write both as names, or both as numbers");
        }
    }

    /** The class names: data.class_names, the training labels' names (their codes rewritten), or 0, 1, ... */
    private List<String> classNames(DataSource source, ModelSpec spec, Read train) {
        List<String> declared = spec.data().classNames() == null ? null : declaredClassNames(source, spec);
        List<String> text = TextLabels.order(train, declared, spec);
        if (text != null) {
            int units = spec.model().layers().get(spec.model().layers().size() - 1).units();
            if (lossFactory(spec).labelKind() != LossFactory.LabelKind.CLASS_INDEX) {
                throw new BadInputException(spec.source().locate("data.train") + ": data.train: the labels are class"
                        + " names " + text + ", but loss " + spec.loss().type() + " compares numbers",
                        "use a classification loss (categorical_cross_entropy), or numeric labels");
            }
            if (declared == null && text.size() != Math.max(2, units)) {
                throw new BadInputException(spec.source().locate("data.train") + ": data.train: the labels name "
                        + text.size() + " classes " + text + " but the output layer has " + units + " unit"
                        + (units == 1 ? "" : "s"), text.size() == 2 ? "use 1 sigmoid unit (or 2 softmax units)"
                        : "give the output layer " + text.size() + " units");
            }
            TextLabels.remap(train, text, spec, "train");
            return text;
        }
        if (declared != null) {
            return declared;
        }
        int units = spec.model().layers().get(spec.model().layers().size() - 1).units();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.max(2, units); i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    private List<String> declaredClassNames(DataSource source, ModelSpec spec) {
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
        return null;
    }

    private Targets.Layout labelLayout(ModelSpec spec) {
        List<LayerSpec> layers = spec.model().layers();
        int units = layers.get(layers.size() - 1).units();
        if (lossFactory(spec).labelKind() == LossFactory.LabelKind.VALUE) {
            if (units != 1) {
                throw new BadInputException(spec.source().locate("model.layers[" + (layers.size() - 1) + "].units")
                        + ": model.layers[" + (layers.size() - 1) + "].units: loss " + spec.loss().type()
                        + " compares one label per example with the output, but the output layer has " + units + " units",
                        "give the output layer 1 unit");
            }
            return Targets.Layout.VALUE;
        }
        return units == 1 ? Targets.Layout.BINARY : Targets.Layout.ONE_HOT;
    }

    private LossFactory lossFactory(ModelSpec spec) {
        return plugins.get(LossFactory.class, spec.loss().type());
    }

    private static Split prepare(String name, Read read, ModelSpec spec, Targets.Layout layout) {
        Precision precision = spec.dtype().precision();
        double[] labels = read.labels();
        double[] y = Targets.of(name, labels, spec, layout);
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
}
