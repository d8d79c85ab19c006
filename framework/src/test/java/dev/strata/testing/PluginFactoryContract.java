package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.plugin.PluginKind;
import dev.strata.plugin.PluginRegistry;
import dev.strata.plugin.StrataInjector;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.PluginFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every plugin factory keeps, built-in or third-party. Extend the subclass for your
 * kind ({@link ActivationFactoryContract}, {@link InitializerFactoryContract},
 * {@link OptimizerFactoryContract}, {@link LossFactoryContract}) and return your factory:
 *
 * <pre>{@code
 * class SwishFactoryTest extends ActivationFactoryContract {
 *     protected ActivationFactory factory() { return new SwishFactory(); }
 * }
 * }</pre>
 *
 * <p>The factory must be registered by a plugin on the test classpath (your
 * {@code META-INF/services/dev.strata.spi.StrataPlugin}), under its own name and no other.
 */
public abstract class PluginFactoryContract<F extends PluginFactory> {
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
    void nameIsRegisteredForThisFactoryAndNoOther() {
        F factory = factory();
        PluginKind kind = PluginKind.of(factory);
        PluginRegistry registry = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);
        Map<String, ? extends PluginFactory> registered = registry.factories(kind);
        assertThat(registered).as("%s factories registered on the classpath", kind).containsKey(factory.name());
        assertThat(registered.get(factory.name())).isExactlyInstanceOf(factory.getClass());
        assertThat(registered.values().stream().filter(f -> f.getClass() == factory.getClass()))
                .as("names %s is registered under", factory.getClass().getSimpleName()).hasSize(1);
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
