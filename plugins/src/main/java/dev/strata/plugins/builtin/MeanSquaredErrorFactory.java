package dev.strata.plugins.builtin;

import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Params;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code mean_squared_error}: (1/m) Σ ½ Σ_units (a − y)², for regression with any output activation. */
public final class MeanSquaredErrorFactory implements LossFactory {
    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public String description() {
        return "(1/m) * sum(1/2 (a - y)^2); labels are values, any output activation (usually linear)";
    }

    @Override
    public LabelKind labelKind() {
        return LabelKind.VALUE;
    }

    @Override
    public Loss create(Params params) {
        return new MeanSquaredError();
    }

    private static final class MeanSquaredError implements Loss {
        private final Elementwise terms = new Elementwise();

        @Override
        public double cost(INDArray al, INDArray y) {
            double sum = terms.sum(al, y, (a, label) -> {
                double difference = a - label;
                return 0.5 * difference * difference;
            });
            return (1.0 / al.columns()) * sum;
        }

        /** dAL = a − y, not divided by m. */
        @Override
        public void gradient(INDArray al, INDArray y, INDArray dAL) {
            al.sub(y, dAL);
        }

        /** With a linear output, ∂L/∂Z = ∂L/∂A = a − y. */
        @Override
        public boolean outputDelta(String activation, INDArray al, INDArray y, INDArray dZ) {
            if (!"linear".equals(activation)) {
                return false;
            }
            al.sub(y, dZ);
            return true;
        }
    }
}
