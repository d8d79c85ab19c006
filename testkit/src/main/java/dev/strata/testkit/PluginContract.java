package dev.strata.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Binding;
import com.google.inject.Stage;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import dev.strata.spi.StrataPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every plugin factory keeps, built-in or third-party. Extend the class for your kind
 * ({@link ActivationContract}, {@link InitializerContract}, {@link OptimizerContract},
 * {@link LossContract}) and return your factory:
 *
 * <pre>{@code
 * class SwishTest extends ActivationContract {
 *     protected ActivationFactory factory() { return SwishPlugin.SWISH; }
 * }
 * }</pre>
 *
 * <p>The factory must be registered by a plugin on the test classpath (your
 * {@code META-INF/services/dev.strata.spi.StrataPlugin}), under its own name.
 */
public abstract class PluginContract<F extends PluginFactory> {
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** The factory under test; a new instance per call is fine. */
    protected abstract F factory();

    /** Creates the plugin, so the general tests can check that creation works with sample parameters. */
    protected abstract Object create(F factory, Params params);

    /**
     * Parameters to create the plugin with: the defaults plus a value for every required parameter
     * ({@link #sampleValue}). Override when the plugin needs particular values.
     */
    protected Params sampleParams() {
        Params params = Params.defaults(factory().parameters());
        for (ParamSpec spec : factory().parameters()) {
            if (spec.required()) {
                params = params.with(spec.name(), sampleValue(spec));
            }
        }
        return params;
    }

    /** A value inside the declared range for a required parameter. */
    protected Object sampleValue(ParamSpec spec) {
        double number = spec.min() != null && spec.max() != null ? (spec.min() + spec.max()) / 2
                : spec.min() != null ? spec.min() + 0.01
                : spec.max() != null ? spec.max() - 0.01 : 0.01;
        return switch (spec.type()) {
            case DOUBLE -> number;
            case INT -> (int) Math.ceil(number);
            case BOOLEAN -> Boolean.TRUE;
            case STRING -> "sample";
            case PATH -> Path.of("sample");
            case STRING_LIST -> List.of("sample");
        };
    }

    @Test
    void nameIsSnakeCase() {
        assertThat(factory().name()).matches(SNAKE_CASE);
    }

    @Test
    void nameIsRegisteredByAPluginOnTheClasspathForThisFactoryOnly() {
        F factory = factory();
        List<PluginFactory> registered = registeredFactories();
        List<PluginFactory> sameName = registered.stream()
                .filter(f -> f.name().equals(factory.name()) && sameKind(f, factory)).toList();
        assertThat(sameName).as("factories registered as '%s' by the plugins listed in META-INF/services",
                factory.name()).hasSize(1);
        assertThat(sameName.get(0)).isExactlyInstanceOf(factory.getClass());
    }

    @Test
    void describesItselfAndEachParameter() {
        assertThat(factory().description()).isNotBlank();
        assertThat(factory().parameters()).allSatisfy(p -> assertThat(p.description()).as(p.name()).isNotBlank());
    }

    @Test
    void parameterNamesAreSnakeCaseAndUnique() {
        Set<String> names = new HashSet<>();
        for (ParamSpec spec : factory().parameters()) {
            assertThat(spec.name()).matches(SNAKE_CASE);
            assertThat(names.add(spec.name())).as("parameter %s declared once", spec.name()).isTrue();
        }
    }

    @Test
    void defaultsRoundTripThroughParamsDefaults() {
        List<ParamSpec> specs = factory().parameters();
        Params defaults = Params.defaults(specs);

        for (ParamSpec spec : specs) {
            if (spec.required()) {
                assertThat(defaults.has(spec.name())).as("required %s has no default", spec.name()).isFalse();
            } else {
                assertThat(defaults.asMap()).containsEntry(spec.name(), spec.defaultValue());
                assertThat(fitsType(spec.defaultValue(), spec.type()))
                        .as("default of %s is %s", spec.name(), spec.type().description()).isTrue();
            }
        }
        assertThat(defaults.asMap()).hasSize((int) specs.stream().filter(s -> !s.required()).count());
    }

    @Test
    void rangesAreSaneAndHoldTheDefaults() {
        for (ParamSpec spec : factory().parameters()) {
            boolean bounded = spec.min() != null || spec.max() != null;
            if (bounded) {
                assertThat(spec.type()).as("bounds on %s", spec.name()).isIn(ParamType.DOUBLE, ParamType.INT);
            }
            if (spec.min() != null && spec.max() != null) {
                assertThat(spec.min()).as("range of %s", spec.name()).isLessThan(spec.max());
            }
            if (bounded && !spec.required()) {
                double value = ((Number) spec.defaultValue()).doubleValue();
                assertThat(inRange(spec, value)).as("default %s of %s is %s", value, spec.name(), spec.rangeText())
                        .isTrue();
            }
        }
    }

    @Test
    void createsFromSampleParameters() {
        assertThat(create(factory(), sampleParams())).isNotNull();
    }

    /** Whether {@code value} lies within {@code spec}'s bounds. */
    protected static boolean inRange(ParamSpec spec, double value) {
        boolean aboveMin = spec.min() == null || (spec.minExclusive() ? value > spec.min() : value >= spec.min());
        boolean belowMax = spec.max() == null || value <= spec.max();
        return aboveMin && belowMax;
    }

    /** Every factory the plugins on the test classpath register (read from their modules, no engine needed). */
    static List<PluginFactory> registeredFactories() {
        List<PluginFactory> out = new ArrayList<>();
        for (StrataPlugin plugin : ServiceLoader.load(StrataPlugin.class)) {
            for (Element element : Elements.getElements(Stage.TOOL, plugin)) {
                if (element instanceof Binding<?> binding && binding instanceof InstanceBinding<?> instance
                        && instance.getInstance() instanceof PluginFactory factory) {
                    out.add(factory);
                }
            }
        }
        return out;
    }

    /** Whether two factories implement the same extension point's interface. */
    private static boolean sameKind(PluginFactory a, PluginFactory b) {
        for (Class<?> type : factoryInterfaces(b.getClass())) {
            if (type.isInstance(a)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Class<?>> factoryInterfaces(Class<?> type) {
        Set<Class<?>> out = new HashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (PluginFactory.class.isAssignableFrom(i) && i != PluginFactory.class) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private static boolean fitsType(Object value, ParamType type) {
        return switch (type) {
            case DOUBLE -> value instanceof Double;
            case INT -> value instanceof Integer;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof String;
            case PATH -> value instanceof String || value instanceof Path;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
        };
    }
}
