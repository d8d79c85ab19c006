package dev.strata.plugins.builtin;

import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.Parameter;
import dev.strata.spi.Params;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code rmsprop}: s := ρ s + (1 − ρ) dW²; W := W − learning_rate · dW / (√s + ε). ρ defaults to
 * 0.9, the value in the lecture that introduced RMSprop and Keras's default.
 */
public final class RmsPropFactory implements OptimizerFactory {
    static final String LEARNING_RATE = "learning_rate";
    static final String RHO = "rho";
    static final String EPSILON = "epsilon";

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.positive(LEARNING_RATE, 0.001, "step size"),
                ParamSpec.between(RHO, 0.9, 0, Math.nextDown(1.0), "decay of the squared-gradient average, below 1"),
                ParamSpec.positive(EPSILON, 1e-8, "added to the root to avoid division by zero"));
    }

    @Override
    public String description() {
        return "s = rho * s + (1 - rho) * dW^2; W -= learning_rate * dW / (sqrt(s) + epsilon);"
                + " learning_rate defaults to 0.001; state s_<param>";
    }

    @Override
    public Optimizer create(Params params) {
        return new RmsProp(params.getDouble(LEARNING_RATE), params.getDouble(RHO), params.getDouble(EPSILON));
    }

    private static final class RmsProp extends StatefulOptimizer {
        private final double learningRate;
        private final double rho;
        private final double epsilon;
        private final List<INDArray> squares = new ArrayList<>();
        private final List<INDArray> denominators = new ArrayList<>();
        private final List<INDArray> steps = new ArrayList<>();

        RmsProp(double learningRate, double rho, double epsilon) {
            super("rmsprop");
            this.learningRate = learningRate;
            this.rho = rho;
            this.epsilon = epsilon;
        }

        @Override
        protected void allocate(int index, Parameter parameter) {
            squares.add(stateFor("s", parameter));
            denominators.add(workFor(parameter));
            steps.add(workFor(parameter));
        }

        @Override
        protected void update(int index, Parameter parameter, long t) {
            INDArray g = parameter.gradient();
            INDArray s = squares.get(index);
            INDArray denominator = denominators.get(index);
            INDArray step = steps.get(index);
            INDArray weightedSquare = g.mul(g, step).muli(1 - rho);
            s.muli(rho).addi(weightedSquare);
            Nd4j.exec(new Sqrt(s, denominator));
            denominator.addi(epsilon);
            g.mul(learningRate, step).divi(denominator);
            parameter.value().subi(step);
        }
    }
}
