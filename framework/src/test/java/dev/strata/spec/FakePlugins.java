package dev.strata.spec;

import dev.strata.registry.PluginRegistry;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.DataSource;
import dev.strata.spi.DataSourceFactory;
import dev.strata.spi.ElementwiseActivation;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.Link;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.OutputLayer;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Plugin factories that declare names and parameters, and activations that declare only their link:
 * enough to validate specs against, without the built-in plugins module.
 */
final class FakePlugins {
    private FakePlugins() {
    }

    static PluginRegistry registry() {
        List<PluginFactory> factories = List.of(activation("linear"), activation("relu"), activation("sigmoid"),
                activation("softmax"), activation("leaky_relu", ParamSpec.number("alpha", 0.01, "slope below zero")),
                initializer("lecun_normal"), initializer("zeros"),
                initializer("normal", ParamSpec.positive("std", 0.01, "standard deviation")),
                optimizer("gradient_descent", null),
                optimizer("adam", 0.001, ParamSpec.between("beta1", 0.9, 0, 1, "first moment decay"),
                        ParamSpec.between("beta2", 0.999, 0, 1, "second moment decay"),
                        ParamSpec.positive("epsilon", 1e-8, "denominator guard")),
                // A third-party optimizer that declares a learning rate of its own: the engine's takes its place.
                optimizer("unbounded", 0.1, ParamSpec.number("learning_rate", 0.1, "step size"),
                        ParamSpec.optional("steps", ParamType.INT, 3, "inner steps")),
                loss("binary_cross_entropy", "sigmoid", false), loss("categorical_cross_entropy", "softmax", true),
                dev.strata.spi.ScheduleFactory.of("constant", "fake", List.of(), p -> (b, e, n) -> b),
                dev.strata.spi.ScheduleFactory.of("step", "fake", List.of(ParamSpec.optional("every", ParamType.INT, 10,
                        "epochs between drops").withMin(1, false)), p -> (b, e, n) -> b),
                new FakeHdf5());
        return new PluginRegistry(factories.stream().map(f -> new PluginRegistry.Registration(f, "fake plugins",
                "fake")).toList());
    }

    private static ActivationFactory activation(String name, ParamSpec... params) {
        Optional<Link> link = switch (name) {
            case "sigmoid" -> Optional.of(Link.LOGISTIC);
            case "softmax" -> Optional.of(Link.SOFTMAX);
            case "linear" -> Optional.of(Link.IDENTITY);
            default -> Optional.empty();
        };
        return ActivationFactory.of(name, "fake", List.of(params), p -> new ElementwiseActivation() {
            @Override
            public double value(double z) {
                throw new UnsupportedOperationException("spec tests never run plugins");
            }

            @Override
            public double derivative(double z, double a) {
                throw new UnsupportedOperationException("spec tests never run plugins");
            }

            @Override
            public Optional<Link> link() {
                return link;
            }
        });
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

    private static OptimizerFactory optimizer(String name, Double defaultRate, ParamSpec... params) {
        return OptimizerFactory.of(name, "fake", defaultRate == null ? OptionalDouble.empty()
                : OptionalDouble.of(defaultRate), List.of(params), p -> {
                    throw new UnsupportedOperationException("spec tests never create plugins");
                });
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

            public Optional<String> checkOutputLayer(OutputLayer output) {
                String outputActivation = output.activation();
                int units = output.units();
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
