package dev.strata.plugins.builtin;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Parameter;
import dev.strata.spi.Params;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code gradient_descent}: W := W − learning_rate · dW, the seeds' {@code update_parameters}. */
public final class GradientDescentFactory implements OptimizerFactory {
    static final String LEARNING_RATE = "learning_rate";

    @Override
    public String name() {
        return "gradient_descent";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required(LEARNING_RATE, ParamType.DOUBLE, "step size (the seeds use 0.0075)")
                .withMin(0, true));
    }

    @Override
    public String description() {
        return "W := W - learning_rate * dW, as the seeds' update_parameters; learning_rate is required"
                + " (no default suits every model)";
    }

    @Override
    public Optimizer create(Params params) {
        return new GradientDescent(params.getDouble(LEARNING_RATE));
    }

    private static final class GradientDescent extends StatefulOptimizer {
        private final double learningRate;
        private final List<INDArray> scaled = new ArrayList<>();

        GradientDescent(double learningRate) {
            super("gradient_descent");
            this.learningRate = learningRate;
        }

        @Override
        protected void allocate(int index, Parameter parameter) {
            scaled.add(workFor(parameter));
        }

        @Override
        protected void update(int index, Parameter parameter, long t) {
            // learning_rate * dW first, then the subtraction: the seeds' rounding, not a fused axpy.
            INDArray step = parameter.gradient().mul(learningRate, scaled.get(index));
            parameter.value().subi(step);
        }
    }
}
