package dev.strata.plugins.builtin;

import dev.strata.spi.Optimizer;
import dev.strata.spi.Parameter;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Two updates of W = [1, −2, 0.5] with gradients g1 = [0.5, −0.25, 0] then g2 = [0.1, 0.3, −0.2]. */
final class OptimizerSteps {
    static final double[] W0 = {1.0, -2.0, 0.5};
    static final double[] G1 = {0.5, -0.25, 0.0};
    static final double[] G2 = {0.1, 0.3, -0.2};

    private OptimizerSteps() {
    }

    /** Returns W after each of the two steps, as rows; the optimizer keeps its state for inspection. */
    static double[][] run(Optimizer optimizer) {
        INDArray w = Nd4j.createFromArray(new double[][] {W0});
        INDArray g = Nd4j.createFromArray(new double[][] {G1});
        optimizer.initialize(List.of(new Parameter("W1", w, g)));
        optimizer.step(1);
        double[] afterFirst = w.toDoubleVector();
        g.assign(Nd4j.createFromArray(new double[][] {G2}));
        optimizer.step(2);
        return new double[][] {afterFirst, w.toDoubleVector()};
    }
}
