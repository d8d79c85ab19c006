package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GatherColumnsTest {

    @Test
    void copiesEachColumnFromItsSourcePositionInBothPrecisions() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray src = Nd4j.linspace(1, 15, 15, DataType.DOUBLE).reshape('f', 3, 5).castTo(type).dup('f');
            INDArray dst = Nd4j.create(type, new long[] {3, 5}, 'f');
            int[] order = {4, 0, 3, 1, 2};
            Trainer.gatherColumns(src, order, dst);
            for (int j = 0; j < order.length; j++) {
                assertThat(dst.getColumn(j).toDoubleVector()).as("%s column %d", type, j)
                        .containsExactly(src.getColumn(order[j]).toDoubleVector());
            }
        }
    }
}
