package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.NumpyRandom;
import org.junit.jupiter.api.Test;

class BatchesTest {
    /** 3 features × 5 examples, example j's features j*3+1 .. j*3+3, and one target per example (its index). */
    private static Inputs inputs(Precision precision) {
        return Inputs.of(precision, 3, 5, (from, into, n) -> {
            for (int k = 0; k < n; k++) {
                into[k] = from + k + 1;
            }
        }, new double[] {0, 1, 2, 3, 4}, 1);
    }

    @Test
    void aShuffledEpochGathersEachBatchsColumnsAndTargetsInNumpysPermutationOrderInBothPrecisions() {
        for (Precision precision : Precision.values()) {
            Batches batches = Batches.minibatches(inputs(precision), 2, true, new NumpyRandom(0));
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
        Batches batches = Batches.minibatches(inputs(Precision.FLOAT64), 2, false, null);
        batches.beginEpoch();
        double[] last = new double[3];
        batches.x(2).read(last);
        assertThat(last).containsExactly(13, 14, 15);
        assertThat(batches.width(2)).isEqualTo(1);
    }
}
