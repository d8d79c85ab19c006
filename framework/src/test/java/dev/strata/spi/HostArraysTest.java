package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostArraysTest {

    private static INDArray columnMajor(DataType type) {
        return Nd4j.linspace(1, 12, 12, DataType.DOUBLE).reshape('f', 3, 4).castTo(type).dup('f');
    }

    @Test
    void readsAndWritesAColumnRangeViewWhereItStarts() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray x = columnMajor(type);
            INDArray view = x.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4));
            assertThat(HostArrays.dense(view)).isTrue();
            double[] values = new double[6];
            HostArrays.read(view, values);
            assertThat(values).as("%s", type).containsExactly(7, 8, 9, 10, 11, 12);
            HostArrays.write(new double[] {-1, -2, -3, -4, -5, -6}, view);
            assertThat(x.castTo(DataType.DOUBLE).dup('f').data().asDouble()).as("%s", type)
                    .containsExactly(1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6);
        }
    }

    @Test
    void stridedViewsAreCopiedThroughADenseDuplicate() {
        INDArray x = columnMajor(DataType.DOUBLE);
        INDArray rows = x.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        assertThat(HostArrays.dense(rows)).isFalse();
        double[] values = new double[8];
        HostArrays.read(rows, values);
        assertThat(values).containsExactly(rows.dup(rows.ordering()).data().asDouble());
    }
}
