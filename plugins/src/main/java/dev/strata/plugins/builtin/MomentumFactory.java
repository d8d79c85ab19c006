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

/** {@code momentum}: v := β v + (1 − β) dW; W := W − learning_rate · v (the deep-learning course's form). */
public final class MomentumFactory implements OptimizerFactory {
    static final String LEARNING_RATE = "learning_rate";
    static final String BETA = "beta";

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required(LEARNING_RATE, ParamType.DOUBLE, "step size").withMin(0, true),
                ParamSpec.between(BETA, 0.9, 0, Math.nextDown(1.0), "decay of the gradient average, below 1"));
    }

    @Override
    public String description() {
        return "v = beta * v + (1 - beta) * dW; W -= learning_rate * v; learning_rate is required"
                + " (its scale is the model's gradient descent one); state v_<param>";
    }

    @Override
    public Optimizer create(Params params) {
        return new Momentum(params.getDouble(LEARNING_RATE), params.getDouble(BETA));
    }

    private static final class Momentum extends StatefulOptimizer {
        private final double learningRate;
        private final double beta;
        private final List<INDArray> velocity = new ArrayList<>();
        private final List<INDArray> work = new ArrayList<>();

        Momentum(double learningRate, double beta) {
            super("momentum");
            this.learningRate = learningRate;
            this.beta = beta;
        }

        @Override
        protected void allocate(int index, Parameter parameter) {
            velocity.add(stateFor("v", parameter));
            work.add(workFor(parameter));
        }

        @Override
        protected void update(int index, Parameter parameter, long t) {
            INDArray v = velocity.get(index);
            INDArray scratch = work.get(index);
            v.muli(beta);
            v.addi(parameter.gradient().mul(1 - beta, scratch));
            parameter.value().subi(v.mul(learningRate, scratch));
        }
    }
}
