package dev.strata.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.strata.plugin.check.GradientCheck;
import dev.strata.spi.Loss;
import dev.strata.spi.LossFactory;
import dev.strata.spi.Params;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The contract of a loss: its gradient is the derivative of its cost (times m), in float64 and float32. */
public abstract class LossFactoryContract extends PluginFactoryContract<LossFactory> {

    @Override
    protected Object create(LossFactory factory, Params params) {
        return factory.create(params);
    }

    protected Loss loss() {
        return factory().create(sampleParams());
    }

    /** The output width the checks use; override for losses that need a particular one. */
    protected int outputUnits() {
        return 3;
    }

    @Test
    void gradientMatchesCentredDifferencesOfTheCost() {
        GradientCheck.loss(loss(), outputUnits()).assertBelow(1e-7);
    }

    @Test
    void float32ArraysGiveTheFloat64ResultsToFloat32Precision() {
        int units = outputUnits();
        INDArray al = Nd4j.linspace(0.15, 0.85, units * 4L, DataType.DOUBLE).reshape(units, 4);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, units, 4);
        for (int j = 0; j < 4; j++) {
            y.putScalar(units == 1 ? 0 : j % units, j, units == 1 ? j % 2 : 1.0);
        }
        Loss loss = loss();
        INDArray dAL = al.ulike();
        loss.gradient(al, y, dAL);
        INDArray dAL32 = Nd4j.create(DataType.FLOAT, al.shape());
        loss.gradient(al.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT), dAL32);

        assertThat(loss.cost(al.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT)))
                .isCloseTo(loss.cost(al, y), offset(1e-5));
        assertThat(dAL32.castTo(DataType.DOUBLE).equalsWithEps(dAL, 1e-4)).as("%s vs %s", dAL32, dAL).isTrue();
    }
}
