package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.NumpyRandom;
import dev.strata.spi.StoredFeatures;
import org.junit.jupiter.api.Test;

class BatchesTest {
    /** 3 features × 5 examples, example j's features j*3+1 .. j*3+3, and one target per example (its index). */
    private static Inputs inputs() {
        double[] features = new double[15];
        for (int k = 0; k < 15; k++) {
            features[k] = k + 1;
        }
        return new Inputs(Features.ofDoubles(features, 3, 1.0), new double[] {0, 1, 2, 3, 4}, 1);
    }

    @Test
    void aShuffledEpochGathersEachBatchsColumnsAndTargetsInNumpysPermutationOrderInBothPrecisions() {
        for (Precision precision : Precision.values()) {
            Batches batches = Batches.minibatches(inputs(), precision, 2, true, new NumpyRandom(0));
            int[] order = new NumpyRandom(0).permutation(5);
            batches.beginEpoch();
            assertThat(batches.count()).isEqualTo(3);
            for (int b = 0; b < 3; b++) {
                double[] x = new double[3 * batches.width(b)];
                batches.x(b).read(x);
                double[] y = new double[batches.width(b)];
                batches.targets(b, y);
                for (int j = 0; j < batches.width(b); j++) {
                    int example = order[2 * b + j];
                    assertThat(y[j]).as("%s batch %d target %d", precision, b, j).isEqualTo(example);
                    for (int f = 0; f < 3; f++) {
                        assertThat(x[j * 3 + f]).as("%s batch %d column %d", precision, b, j)
                                .isEqualTo(example * 3 + f + 1);
                    }
                }
            }
        }
    }

    @Test
    void unshuffledBatchesAreTheInputsColumnsInOrder() {
        Batches batches = Batches.minibatches(inputs(), Precision.FLOAT64, 2, false, null);
        batches.beginEpoch();
        double[] last = new double[3];
        batches.x(2).read(last);
        assertThat(last).containsExactly(13, 14, 15);
        assertThat(batches.width(2)).isEqualTo(1);
    }

    @Test
    void storedBytesBecomeTrainingValuesByTheNotebooksDivisionOneBatchAtATime() {
        byte[] pixels = {0, 1, (byte) 127, (byte) 128, (byte) 200, (byte) 255};
        Inputs inputs = new Inputs(Features.of(new StoredFeatures.UInt8(new byte[][] {pixels}, 3, 2, 2), 255.0), new double[2], 1);
        for (Precision precision : Precision.values()) {
            Batches batches = Batches.minibatches(inputs, precision, 1, false, null);
            batches.beginEpoch();
            double[] second = new double[3];
            batches.x(1).read(second);
            assertThat(second).containsExactly(precision.round(128 / 255.0), precision.round(200 / 255.0),
                    precision.round(1.0));
        }
        assertThat(inputs.features().bytes()).isEqualTo(6);
        assertThat(inputs.features().raw(0)).containsExactly(0, 1, 127);
    }

    @Test
    void featuresSpreadOverChunksReadAsOneSequenceOfExamples() {
        float[][] chunks = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10}};
        Inputs inputs = new Inputs(Features.of(new StoredFeatures.Float32(chunks, 2, 5, 2), 2.0), new double[5], 1);
        Batches batches = Batches.fullBatch(inputs, Precision.FLOAT64);
        double[] all = new double[10];
        batches.x(0).read(all);
        assertThat(all).containsExactly(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5);
        assertThat(inputs.first(3).features().raw(2)).containsExactly(5, 6);
    }
}
