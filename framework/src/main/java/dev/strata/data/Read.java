package dev.strata.data;

import dev.strata.spi.ExampleReader;
import dev.strata.spi.Examples;
import java.io.IOException;
import java.util.Arrays;

/** A split as read: in memory, or open for streaming. */
record Read(Examples examples, ExampleReader reader) implements AutoCloseable {
    int width() {
        return examples != null ? examples.width() : (int) Arrays.stream(reader.exampleShape()).asLongStream()
                .reduce(1, (x, y) -> x * y);
    }

    int[] shape() {
        return examples != null ? examples.exampleShape() : reader.exampleShape();
    }

    int count() {
        return examples != null ? examples.count() : reader.count();
    }

    java.util.List<String> labelNames() {
        return examples != null ? examples.labelNames() : reader.labelNames();
    }

    java.util.List<String> featureNames() {
        return examples != null ? examples.featureNames() : reader.featureNames();
    }

    double[] labels() {
        return examples != null ? examples.labels() : reader.labels();
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // reading is over; nothing of the run depends on closing cleanly
            }
        }
    }
}
