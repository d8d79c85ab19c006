package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import dev.strata.spi.ExampleReader;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.StoredFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minibatches read from disk: every example once an epoch, in an order drawn from the seed. */
class StreamedBatchesTest {
    /** 1,000 examples of 3 features (example e is e + 0.25, e + 0.5, e + 0.75), each said to take 400 KB. */
    private static final class FakeFile implements ExampleReader {
        final List<int[]> reads = new ArrayList<>();
        int badExample = -1;
        boolean closed;

        @Override
        public int count() {
            return 1000;
        }

        @Override
        public int[] exampleShape() {
            return new int[] {3};
        }

        @Override
        public double[] labels() {
            double[] labels = new double[1000];
            Arrays.setAll(labels, i -> i);
            return labels;
        }

        @Override
        public long bytesPerExample() {
            return 400_000;
        }

        @Override
        public StoredFeatures read(int first, int n) {
            synchronized (reads) {
                reads.add(new int[] {first, n});
            }
            double[] values = new double[3 * n];
            for (int j = 0; j < n; j++) {
                for (int f = 0; f < 3; f++) {
                    values[3 * j + f] = first + j == badExample && f == 1 ? Double.NaN : first + j + 0.25 * (f + 1);
                }
            }
            return StoredFeatures.of(values, 3);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Inputs inputs(FakeFile file) {
        double[] y = new double[1000];
        Arrays.setAll(y, i -> i);
        return new Inputs(new StreamedFeatures(file, 1.0, "data.train"), y, 1);
    }

    /** Every batch's examples in order, checking each column holds its example's features and target. */
    private static List<Integer> epoch(Batches batches) {
        List<Integer> seen = new ArrayList<>();
        batches.beginEpoch();
        for (int b = 0; b < batches.count(); b++) {
            int width = batches.width(b);
            double[] x = new double[3 * width];
            batches.x(b).read(x);
            double[] y = new double[width];
            batches.targets(b, y);
            for (int j = 0; j < width; j++) {
                int example = (int) y[j];
                assertThat(new double[] {x[3 * j], x[3 * j + 1], x[3 * j + 2]})
                        .containsExactly(example + 0.25, example + 0.5, example + 0.75);
                seen.add(example);
            }
        }
        return seen;
    }

    @Test
    void aShuffledEpochVisitsEveryExampleOnceInAnOrderTheSeedReproduces() {
        FakeFile file = new FakeFile();
        List<Integer> first;
        List<Integer> second;
        try (Batches batches = Batches.minibatches(inputs(file), Precision.FLOAT64, 64, true, new NumpyRandom(5))) {
            assertThat(batches).isInstanceOf(StreamedBatches.class);
            first = epoch(batches);
            second = epoch(batches);
        }
        List<Integer> again;
        try (Batches batches = Batches.minibatches(inputs(new FakeFile()), Precision.FLOAT64, 64, true,
                new NumpyRandom(5))) {
            again = epoch(batches);
        }
        assertThat(first).hasSize(1000).doesNotHaveDuplicates();
        assertThat(first).isNotEqualTo(second).isEqualTo(again);
        // 400 KB examples make blocks of 10 examples, windows of 160: far from the file's order
        assertThat(first.subList(0, 10)).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        // read a block at a time, each block once an epoch
        assertThat(file.reads).hasSize(200).allSatisfy(r -> assertThat(r[1]).isEqualTo(10));
    }

    @Test
    void unshuffledBatchesFollowTheFile() {
        try (Batches batches = Batches.minibatches(inputs(new FakeFile()), Precision.FLOAT32, 100, false, null)) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                order.add(i);
            }
            assertThat(epoch(batches)).isEqualTo(order);
        }
    }

    @Test
    void aBadValueInTheMiddleOfTheFileNamesItsExampleWhenItsBatchIsRead() {
        FakeFile file = new FakeFile();
        file.badExample = 617;
        try (Batches batches = Batches.minibatches(inputs(file), Precision.FLOAT64, 64, false, null)) {
            batches.beginEpoch();
            // windows of 160 examples: 617 is in the fourth, which batch 7 (examples 448-511) is the first to need
            for (int b = 0; b < 7; b++) {
                batches.x(b);
            }
            assertThatThrownBy(() -> batches.x(7)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("data.train: feature 1 of example 617 is NaN");
        }
    }

    @Test
    void fullBatchOfStreamedInputsReadsEveryExampleIntoMemoryOnce() {
        FakeFile file = new FakeFile();
        Inputs inputs = inputs(file);
        Batches batches = Batches.fullBatch(inputs, Precision.FLOAT64);
        double[] all = new double[3000];
        batches.x(0).read(all);
        assertThat(all[3 * 999 + 2]).isEqualTo(999.75);
        inputs.close();
        assertThat(file.closed).isTrue();
    }
}
