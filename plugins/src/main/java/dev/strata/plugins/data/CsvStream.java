package dev.strata.plugins.data;

import dev.strata.spi.ExampleReader;
import dev.strata.spi.Params;
import dev.strata.spi.StoredFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV split opened for ranged reads: one pass checks every row and records the labels and, for
 * every {@link #STRIDE}-th row, its byte offset and line number (16 bytes per 256 rows); a range is
 * then read by seeking to the nearest recorded row and parsing from there.
 */
final class CsvStream implements ExampleReader {
    static final int STRIDE = 256;

    private final Params split;
    private final CsvDataSource.Layout layout;
    private final double[] labels;
    private final List<String> labelNames;
    private final long[] offsets;
    private final long[] lines;
    private final FileChannel channel;

    private CsvStream(Params split, CsvDataSource.Layout layout, double[] labels, List<String> labelNames,
            long[] offsets, long[] lines,
            FileChannel channel) {
        this.split = split;
        this.layout = layout;
        this.labels = labels;
        this.labelNames = labelNames;
        this.offsets = offsets;
        this.lines = lines;
        this.channel = channel;
    }

    static CsvStream open(Path path, Params split) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            CsvScanner scanner = CsvDataSource.scanner(path, in, split);
            CsvDataSource.Layout layout = CsvDataSource.layout(scanner, path, split);
            double[] row = new double[layout.width()];
            LabelColumn labels = new LabelColumn();
            long[] offsets = new long[16];
            long[] lines = new long[16];
            int rows = 0;
            long offset = scanner.offset();
            long line = scanner.line();
            while (scanner.next()) {
                if (rows % STRIDE == 0) {
                    int k = rows / STRIDE;
                    if (k == offsets.length) {
                        offsets = Arrays.copyOf(offsets, k * 2);
                        lines = Arrays.copyOf(lines, k * 2);
                    }
                    offsets[k] = offset;
                    lines[k] = line;
                }
                CsvDataSource.row(scanner, layout, row, 0, labels);
                rows++;
                offset = scanner.offset();
                line = scanner.line();
            }
            CsvDataSource.requireRows(path, rows);
            return new CsvStream(split, layout, labels.labels(), labels.names(), offsets, lines,
                    FileChannel.open(path, StandardOpenOption.READ));
        }
    }

    @Override
    public int count() {
        return labels.length;
    }

    @Override
    public int[] exampleShape() {
        return new int[] {layout.width()};
    }

    @Override
    public double[] labels() {
        return labels;
    }

    @Override
    public List<String> labelNames() {
        return labelNames;
    }

    @Override
    public List<String> featureNames() {
        return layout.featureNames();
    }

    @Override
    public long bytesPerExample() {
        return 8L * layout.width();
    }

    @Override
    public StoredFeatures read(int first, int n) throws IOException {
        int width = layout.width();
        double[] values = new double[n * width];
        int k = first / STRIDE;
        channel.position(offsets[k]);
        CsvScanner scanner = CsvDataSource.scanner(layout.path(), Channels.newInputStream(channel), split)
                .startingAt(lines[k]);
        for (int r = k * STRIDE; r < first; r++) {
            scanner.next();
        }
        LabelColumn ignored = new LabelColumn();
        for (int j = 0; j < n; j++) {
            if (!scanner.next()) {
                throw new IOException(layout.path() + " changed while it was being read: it ends before row "
                        + (first + j + 1));
            }
            CsvDataSource.row(scanner, layout, values, j * width, ignored);
        }
        return new StoredFeatures.Float64(new double[][] {values}, width, n, Math.max(1, n));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
