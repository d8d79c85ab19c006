package dev.strata.plugins.data;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.ExampleReader;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import dev.strata.spi.StoredFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV split: a header row, then one example per row, every column a plain decimal number.
 * Cells may be quoted; blank lines are skipped; the file must be UTF-8. Features are kept as
 * doubles in chunks of whole rows of about 8 MB, filled as the file is read, so the data set is in
 * memory once. See {@link CsvScanner} for the parsing.
 */
final class CsvDataSource implements DataSource {
    /** Values per chunk of rows: 8 MB of doubles. */
    private static final int CHUNK_VALUES = 1 << 20;

    @Override
    public Examples read(Params split) throws IOException {
        return read(split, false);
    }

    /** A file of examples to predict may leave out the label column (its labels then read as 0). */
    @Override
    public Examples readUnlabeled(Params split) throws IOException {
        return read(split, true);
    }

    private Examples read(Params split, boolean optionalLabel) throws IOException {
        Path path = split.getPath("path");
        try (InputStream in = Files.newInputStream(path)) {
            CsvScanner scanner = scanner(path, in, split);
            Layout layout = layout(scanner, path, split, optionalLabel);
            int width = layout.width();
            int perChunk = Math.max(1, CHUNK_VALUES / width);
            List<double[]> chunks = new ArrayList<>();
            LabelColumn labels = new LabelColumn();
            double[] chunk = null;
            int rows = 0;
            while (scanner.next()) {
                if (rows % perChunk == 0) {
                    chunk = new double[perChunk * width];
                    chunks.add(chunk);
                }
                row(scanner, layout, chunk, (rows % perChunk) * width, labels);
                rows++;
            }
            requireRows(path, rows);
            StoredFeatures features = new StoredFeatures.Float64(chunks.toArray(new double[0][]), width, rows,
                    perChunk);
            return new Examples(features, new int[] {width}, labels.labels(), labels.names(), layout.featureNames());
        }
    }

    @Override
    public ExampleReader open(Params split) throws IOException {
        return CsvStream.open(split.getPath("path"), split);
    }

    /** A split's header: its columns, the label's index and the delimiter. */
    record Layout(Path path, List<String> header, int label, String delimiter) {
        int width() {
            return label < 0 ? header.size() : header.size() - 1;
        }

        /** The header's names without the label column's. */
        List<String> featureNames() {
            List<String> names = new ArrayList<>(header);
            if (label >= 0) {
                names.remove(label);
            }
            return names;
        }
    }

    static CsvScanner scanner(Path path, InputStream in, Params split) {
        String delimiter = split.getString("delimiter");
        if (delimiter.length() != 1) {
            throw new BadInputException("the csv delimiter '" + delimiter + "' is not one character",
                    "set 'delimiter' to one character such as ',' or ';' (\\t for a tab)");
        }
        return new CsvScanner(path, in, delimiter.charAt(0));
    }

    /** Reads and checks the header row. */
    static Layout layout(CsvScanner scanner, Path path, Params split) throws IOException {
        return layout(scanner, path, split, false);
    }

    private static Layout layout(CsvScanner scanner, Path path, Params split, boolean optionalLabel)
            throws IOException {
        String delimiter = split.getString("delimiter");
        if (!scanner.next()) {
            throw new BadInputException(path + " is empty", "give a CSV file with a header row and one row per example");
        }
        List<String> header = scanner.texts();
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        int unnamed = header.size() > 1 ? header.indexOf("") : -1;
        if (unnamed >= 0) {
            // a trailing delimiter, or pandas' to_csv writing its row index as an unnamed first column
            boolean last = unnamed == header.size() - 1;
            throw new BadInputException(path + ":" + scanner.line() + ": column " + (unnamed + 1) + " of the header has"
                    + " no name" + (last ? " (the header ends with '" + delimiter + "')" : ""), last
                            ? "remove the '" + delimiter + "' at the end of every line, or name the column"
                            : unnamed == 0 ? "if it is a row index (pandas writes one unless to_csv(index=False)), remove"
                                    + " it; else name the column" : "name every column");
        }
        String labelColumn = split.getString("label_column");
        if (!optionalLabel && !header.contains(labelColumn)
                && java.util.stream.IntStream.range(0, header.size()).noneMatch(c -> Double.isNaN(scanner.number(c)))) {
            throw new BadInputException(path + ":" + scanner.line() + ": the first row (" + String.join(delimiter, header)
                    + ") holds numbers, not column names", "add a header row naming each column, '" + labelColumn
                            + "' (the label) among them");
        }
        int label = label(path, scanner.line(), header, labelColumn, delimiter, optionalLabel);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Integer first = seen.putIfAbsent(header.get(c), c);
            if (first != null) {
                // which column is the label would be ambiguous; and the model keeps its features' names,
                // and new data is checked against them by name
                String name = (header.get(c).equals(labelColumn) ? "the label column '" : "'") + header.get(c) + "'";
                throw new BadInputException(path + ":" + scanner.line() + ": the header names " + name + " twice"
                        + " (columns " + (first + 1) + " and " + (c + 1) + ")", "rename one of the two columns");
            }
        }
        return new Layout(path, header, label, delimiter);
    }

    /** The scanner's current row: its features into {@code into} from {@code at}, its label into {@code labels}. */
    static void row(CsvScanner scanner, Layout layout, double[] into, int at, LabelColumn labels) {
        List<String> header = layout.header();
        if (scanner.cells() != header.size()) {
            throw new BadInputException(layout.path() + ":" + scanner.line() + ": row has " + scanner.cells()
                    + " columns but the header has " + header.size(), scanner.cells() == 1
                            ? "check 'delimiter' ('" + layout.delimiter() + "') and give every row one value per header column"
                            : "give every row one value per header column");
        }
        if (layout.label() < 0) {
            labels.add(0);
        }
        for (int c = 0; c < header.size(); c++) {
            if (c == layout.label()) {
                if (scanner.text(c).isBlank()) {
                    throw new BadInputException(layout.path() + ":" + scanner.line() + ": the label ('"
                            + header.get(c) + "', column " + (c + 1) + ") is empty", "give every row a label");
                }
                labels.add(scanner, c);
            } else {
                into[at++] = number(scanner, c, layout.path(), header.get(c));
            }
        }
    }

    static void requireRows(Path path, int rows) {
        if (rows == 0) {
            throw new BadInputException(path + " has a header but no rows", "add one row per example");
        }
    }

    private static int label(Path path, long line, List<String> header, String labelColumn, String delimiter,
            boolean optional) {
        int label = header.indexOf(labelColumn);
        if (optional && label < 0 && header.size() > 1) {
            // examples to predict: every column a feature, every label 0
            return -1;
        }
        if (label < 0) {
            String other = header.size() == 1 ? otherDelimiter(header.get(0)) : null;
            throw new BadInputException(path + ":" + line + ": no column '" + labelColumn + "' in the header "
                    + String.join(delimiter, header), other != null
                            ? "the header looks separated by '" + other + "', not '" + delimiter + "': set data.*.delimiter: '"
                                    + other + "'"
                            : header.size() == 1
                                    ? "check 'delimiter' ('" + delimiter + "'; the header reads as one column) and set"
                                            + " 'label_column' to one of the columns"
                                    : "set 'label_column' to one of these columns");
        }
        if (header.size() < 2) {
            throw new BadInputException(path + ":" + line + ": the header has only the label column '"
                    + labelColumn + "'", "add feature columns (or check 'delimiter': '" + delimiter + "')");
        }
        return label;
    }

    /** The separator a one-column header seems to use instead, or null. */
    private static String otherDelimiter(String header) {
        for (String candidate : new String[] {";", "\t", "|", ","}) {
            if (header.contains(candidate)) {
                return candidate.equals("\t") ? "\\t" : candidate;
            }
        }
        return null;
    }

    private static double number(CsvScanner scanner, int column, Path path, String name) {
        double value = scanner.number(column);
        if (Double.isNaN(value)) {
            String cell = scanner.text(column);
            throw new BadInputException(path + ":" + scanner.line() + ": column " + (column + 1) + " ('" + name
                    + "') holds '" + cell + "', which is not a number", cell.isEmpty()
                            ? "fill in the missing value (or drop the row)"
                            : "every column must be numeric (encode categories as numbers)");
        }
        if (Double.isInfinite(value)) {
            throw new BadInputException(path + ":" + scanner.line() + ": column " + (column + 1) + " ('" + name
                    + "') holds '" + scanner.text(column) + "', which is too large for a double", "rescale the column");
        }
        return value;
    }

    @Override
    public List<String> classNames(Params classNames) {
        return List.copyOf(classNames.getStringList("names"));
    }
}
