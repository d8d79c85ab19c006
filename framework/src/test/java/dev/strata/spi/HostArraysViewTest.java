package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Minibatches are column views at an offset: host copies must see exactly the view's values. */
class HostArraysViewTest {
    private final INDArray labels = Nd4j.create(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 10}, 'f');
    private final INDArray batch = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(4, 8));

    @Test
    void readingAViewAtAnOffsetGivesTheViewsValues() {
        double[] values = new double[4];

        HostArrays.read(batch, values);

        assertThat(values).containsExactly(4, 5, 6, 7);
    }

    @Test
    void writingAViewAtAnOffsetChangesOnlyTheView() {
        HostArrays.write(new double[] {-4, -5, -6, -7}, batch);

        assertThat(labels.toDoubleVector()).containsExactly(0, 1, 2, 3, -4, -5, -6, -7, 8, 9);
    }
}
