package dev.strata.plugins.builtin;

import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Params;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code categorical_cross_entropy}: −(1/m) Σ y log a over one-hot labels, for a softmax output. */
public final class CategoricalCrossEntropyFactory implements LossFactory {
    @Override
    public String name() {
        return "categorical_cross_entropy";
    }

    @Override
    public String description() {
        return "-(1/m) * sum(y log a) over one-hot labels; needs a softmax output layer with one unit per class";
    }

    @Override
    public Optional<String> checkOutputLayer(String activation, int units) {
        if (!"softmax".equals(activation)) {
            return Optional.of("categorical_cross_entropy needs a softmax output layer, but the output layer's"
                    + " activation is '" + activation + "': set the last layer's activation to softmax");
        }
        if (units < 2) {
            return Optional.of("categorical_cross_entropy needs one output unit per class (at least 2), but the"
                    + " output layer has " + units + ": set its units to the number of classes, or use a 1-unit"
                    + " sigmoid output with binary_cross_entropy for two classes");
        }
        return Optional.empty();
    }

    @Override
    public Loss create(Params params) {
        return new CategoricalCrossEntropy();
    }

    private static final class CategoricalCrossEntropy implements Loss {
        private final Elementwise terms = new Elementwise();

        /** −(1/m) Σ y log a; zero labels contribute nothing (numpy would give nan for 0 · log 0). */
        @Override
        public double cost(INDArray al, INDArray y) {
            double sum = terms.sum(al, y, (a, label) -> label != 0 ? label * Math.log(a) : 0.0);
            return (-1.0 / al.columns()) * sum;
        }

        /** dAL = −y / a, not divided by m. */
        @Override
        public void gradient(INDArray al, INDArray y, INDArray dAL) {
            y.div(al, dAL).negi();
        }

        /** With a softmax output and one-hot labels, ∂L/∂Z = a − y (softmax's Jacobian folds away). */
        @Override
        public boolean outputDelta(String activation, INDArray al, INDArray y, INDArray dZ) {
            if (!"softmax".equals(activation)) {
                return false;
            }
            al.sub(y, dZ);
            return true;
        }
    }
}
