package dev.strata.spec;

import dev.strata.plugin.PluginRegistry;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plugin factories that only declare names and parameters: the spec loader never creates plugins,
 * so these are enough to validate specs against, without the built-in plugins module.
 */
final class FakePlugins {
    private FakePlugins() {
    }

    static PluginRegistry registry() {
        return new PluginRegistry(
                byName(activation("linear"), activation("relu"), activation("sigmoid"), activation("softmax"),
                        activation("leaky_relu", ParamSpec.number("alpha", 0.01, "slope below zero"))),
                byName(initializer("lecun_normal"), initializer("zeros"),
                        initializer("normal", ParamSpec.positive("std", 0.01, "standard deviation"))),
                byName(optimizer("gradient_descent",
                                ParamSpec.required("learning_rate", ParamType.DOUBLE, "step size").withMin(0, true)),
                        optimizer("adam", ParamSpec.positive("learning_rate", 0.001, "step size"),
                                ParamSpec.between("beta1", 0.9, 0, 1, "first moment decay"),
                                ParamSpec.between("beta2", 0.999, 0, 1, "second moment decay"),
                                ParamSpec.positive("epsilon", 1e-8, "denominator guard")),
                        // A third-party optimizer that forgot to bound its learning rate.
                        optimizer("unbounded", ParamSpec.number("learning_rate", 0.1, "step size"),
                                ParamSpec.optional("steps", ParamType.INT, 3, "inner steps"))),
                byName(loss("binary_cross_entropy", "sigmoid", false),
                        loss("categorical_cross_entropy", "softmax", true)),
                byName(new FakeHdf5()), Map.of());
    }

    @SafeVarargs
    private static <F extends PluginFactory> Map<String, F> byName(F... factories) {
        Map<String, F> map = new LinkedHashMap<>();
        for (F factory : factories) {
            map.put(factory.name(), factory);
        }
        return map;
    }

    private static ActivationFactory activation(String name, ParamSpec... params) {
        return new ActivationFactory() {
            public String name() {
                return name;
            }

            public List<ParamSpec> parameters() {
                return List.of(params);
            }

            public Activation create(Params p) {
                throw new UnsupportedOperationException("spec tests never create plugins");
            }
        };
    }

    private static InitializerFactory initializer(String name, ParamSpec... params) {
        return new InitializerFactory() {
            public String name() {
                return name;
            }

            public List<ParamSpec> parameters() {
                return List.of(params);
            }

            public Initializer create(Params p) {
                throw new UnsupportedOperationException("spec tests never create plugins");
            }
        };
    }

    private static OptimizerFactory optimizer(String name, ParamSpec... params) {
        return new OptimizerFactory() {
            public String name() {
                return name;
            }

            public List<ParamSpec> parameters() {
                return List.of(params);
            }

            public Optimizer create(Params p) {
                throw new UnsupportedOperationException("spec tests never create plugins");
            }
        };
    }

    /** A loss that needs {@code activation} on the output; one unit unless {@code multiUnit}. */
    private static LossFactory loss(String name, String activation, boolean multiUnit) {
        return new LossFactory() {
            public String name() {
                return name;
            }

            public Loss create(Params p) {
                throw new UnsupportedOperationException("spec tests never create plugins");
            }

            public Optional<String> checkOutputLayer(String outputActivation, int units) {
                if (!outputActivation.equals(activation) || !multiUnit && units != 1) {
                    return Optional.of(name + " needs " + (multiUnit ? "a " : "one ") + activation + " output unit"
                            + (multiUnit ? " layer" : "") + ", but the output layer has " + units + " "
                            + outputActivation + " unit" + (units == 1 ? "" : "s") + "; end the model with {units: "
                            + (multiUnit ? "<classes>" : "1") + ", activation: " + activation + "}");
                }
                return Optional.empty();
            }
        };
    }

    /** The hdf5 data format's declared keys. */
    static final class FakeHdf5 implements DataSourceFactory {
        public String name() {
            return "hdf5";
        }

        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.required("path", ParamType.PATH, "the .h5 file"),
                    ParamSpec.required("features", ParamType.STRING, "dataset of features"),
                    ParamSpec.required("labels", ParamType.STRING, "dataset of labels"));
        }

        public List<ParamSpec> classNameParameters() {
            return List.of(ParamSpec.required("path", ParamType.PATH, "the .h5 file"),
                    ParamSpec.required("dataset", ParamType.STRING, "dataset of class names"));
        }

        public DataSource create() {
            throw new UnsupportedOperationException("spec tests never read data");
        }
    }
}
