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
 * {@code adam}, exactly as the deep-learning course's {@code update_parameters_with_adam}:
 * v := β1 v + (1 − β1) g; s := β2 s + (1 − β2) g²; v̂ = v / (1 − β1^t); ŝ = s / (1 − β2^t);
 * W := W − learning_rate · v̂ / (√ŝ + ε).
 */
public final class AdamFactory implements OptimizerFactory {
    static final String LEARNING_RATE = "learning_rate";
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String EPSILON = "epsilon";

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public List<ParamSpec> parameters() {
        double belowOne = Math.nextDown(1.0);
        return List.of(
                ParamSpec.positive(LEARNING_RATE, 0.001, "step size"),
                ParamSpec.between(BETA1, 0.9, 0, belowOne, "decay of the gradient average, below 1"),
                ParamSpec.between(BETA2, 0.999, 0, belowOne, "decay of the squared-gradient average, below 1"),
                ParamSpec.positive(EPSILON, 1e-8, "added to the root to avoid division by zero"));
    }

    @Override
    public String description() {
        return "Adam with bias correction, as the course's update_parameters_with_adam;"
                + " learning_rate defaults to 0.001; state v_<param>, s_<param>";
    }

    @Override
    public Optimizer create(Params params) {
        return new Adam(params.getDouble(LEARNING_RATE), params.getDouble(BETA1), params.getDouble(BETA2),
                params.getDouble(EPSILON));
    }

    private static final class Adam extends StatefulOptimizer {
        private final double learningRate;
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final List<INDArray> firstMoments = new ArrayList<>();
        private final List<INDArray> secondMoments = new ArrayList<>();
        private final List<INDArray> steps = new ArrayList<>();
        private final List<INDArray> denominators = new ArrayList<>();

        Adam(double learningRate, double beta1, double beta2, double epsilon) {
            super("adam");
            this.learningRate = learningRate;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        protected void allocate(int index, Parameter parameter) {
            firstMoments.add(stateFor("v", parameter));
            secondMoments.add(stateFor("s", parameter));
            steps.add(workFor(parameter));
            denominators.add(workFor(parameter));
        }

        @Override
        protected void update(int index, Parameter parameter, long t) {
            INDArray g = parameter.gradient();
            INDArray v = firstMoments.get(index);
            INDArray s = secondMoments.get(index);
            INDArray step = steps.get(index);
            INDArray denominator = denominators.get(index);

            v.muli(beta1).addi(g.mul(1 - beta1, step));
            INDArray weightedSquare = g.mul(g, step).muli(1 - beta2);
            s.muli(beta2).addi(weightedSquare);

            s.div(1 - Math.pow(beta2, t), denominator);
            Nd4j.exec(new Sqrt(denominator, denominator));
            denominator.addi(epsilon);
            v.div(1 - Math.pow(beta1, t), step).muli(learningRate).divi(denominator);
            parameter.value().subi(step);
        }
    }
}
