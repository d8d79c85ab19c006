package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.engine.Network;
import dev.strata.engine.Trainer;
import dev.strata.random.NumpyRandom;
import dev.strata.spec.DType;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Compares the engine's backpropagated gradients with centred differences of the cost, for a
 * sample of every parameter array, in float64 on a few examples of the spec's training data. This
 * checks a spec's activations, loss and regularisation together, as the network uses them.
 */
public final class NetworkGradientCheck {
    private NetworkGradientCheck() {
    }

    /** The worst relative error found in one parameter array. */
    public record ParameterResult(String name, int checked, double maxRelativeError, double analytic, double numeric) {
    }

    public static List<ParameterResult> run(ModelSpec spec, PreparedData data, ModelBuilder builder, int examples,
            int entriesPerParameter, double epsilon) {
        ModelSpec spec64 = withFloat64(spec);
        NumpyRandom random = new NumpyRandom(spec.seed());
        Network network = Network.initialize(data.inputSize(), builder.plans(spec64), random, DataType.DOUBLE);
        int m = Math.min(examples, data.train().count());
        INDArray x = data.train().x().get(NDArrayIndex.all(), NDArrayIndex.interval(0, m)).castTo(DataType.DOUBLE).dup('f');
        INDArray y = data.train().y().get(NDArrayIndex.all(), NDArrayIndex.interval(0, m)).castTo(DataType.DOUBLE).dup('f');
        Trainer trainer = new Trainer(network, builder.loss(spec64), builder.optimizer(spec64), builder.l2(spec64));
        trainer.computeGradients(x, y);
        List<ParameterResult> results = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            INDArray value = p.value();
            INDArray grad = p.gradient().dup(p.gradient().ordering());
            long n = value.length();
            int count = (int) Math.min(n, entriesPerParameter);
            double worst = 0;
            double worstA = 0;
            double worstN = 0;
            for (int k = 0; k < count; k++) {
                long index = count == n ? k : random.nextInterval(n - 1);
                double original = value.getDouble(index);
                value.putScalar(index, original + epsilon);
                double plus = trainer.cost(x, y);
                value.putScalar(index, original - epsilon);
                double minus = trainer.cost(x, y);
                value.putScalar(index, original);
                double numeric = (plus - minus) / (2 * epsilon);
                double analytic = grad.getDouble(index);
                double denominator = Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-12);
                double error = Math.abs(analytic - numeric) / denominator;
                if (error >= worst) {
                    worst = error;
                    worstA = analytic;
                    worstN = numeric;
                }
            }
            results.add(new ParameterResult(p.name(), count, worst, worstA, worstN));
        }
        return results;
    }

    private static ModelSpec withFloat64(ModelSpec s) {
        return new ModelSpec(s.version(), s.name(), s.seed(), DType.FLOAT64, s.data(), s.model(), s.loss(), s.optimizer(),
                s.training(), s.evaluation(), s.source());
    }
}
