package dev.strata.plugins.builtin;

import static dev.strata.plugins.builtin.Matrices.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Parameter;
import dev.strata.spi.Params;
import dev.strata.testing.Golden;
import dev.strata.testing.OptimizerFactoryContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientDescentTest extends OptimizerFactoryContract {
    @Override
    protected OptimizerFactory factory() {
        return new GradientDescentFactory();
    }

    @Test
    void learningRateIsRequiredAndPositive() {
        assertThat(factory().parameters()).singleElement().satisfies(p -> {
            assertThat(p.required()).isTrue();
            assertThat(p.rangeText()).isEqualTo("> 0");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void reproducesTheSeedsUpdateParameters() {
        Map<String, Object> golden = Golden.seedCase("update_parameters");
        List<Parameter> parameters = new ArrayList<>();
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            parameters.add(new Parameter(name, Golden.matrix(golden.get(name)), Golden.matrix(golden.get("d" + name))));
        }
        Optimizer optimizer = factory().create(Params.of(Map.of("learning_rate", golden.get("learning_rate"))));
        optimizer.initialize(parameters);
        optimizer.step(1);

        Map<String, Object> updated = (Map<String, Object>) golden.get("updated");
        for (Parameter p : parameters) {
            assertClose(p.value(), Golden.matrix(updated.get(p.name())), 1e-12);
        }
        assertThat(optimizer.state()).isEmpty();
    }
}
