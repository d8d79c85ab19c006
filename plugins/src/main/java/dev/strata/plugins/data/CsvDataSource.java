package dev.strata.plugins.data;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a CSV split: a header row, then one example per row. Values are plain decimal numbers;
 * quoting is not supported beyond quotes around a whole cell. Blank lines are skipped.
 */
final class CsvDataSource implements DataSource {
    /** Plain decimals only: Java's parser would also take "NaN", "Infinity", "1d" and hex floats. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Examples read(Params split) throws IOException {
        Path path = split.getPath("path");
        String labelColumn = split.getString("label_column");
        String delimiter = split.getString("delimiter");
        if (delimiter.isEmpty()) {
            throw new BadInputException("the csv delimiter is empty", "set 'delimiter' to a character such as ',' or ';'");
        }
        Pattern splitter = Pattern.compile(Pattern.quote(delimiter));
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            String line;
            String[] header = null;
            while (header == null && (line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    header = cells(splitter, lineNumber == 1 ? stripBom(line) : line);
                }
            }
            if (header == null) {
                throw new BadInputException(path + " is empty", "give a CSV file with a header row and one row per example");
            }
            int label = indexOf(header, labelColumn);
            if (label < 0) {
                throw new BadInputException(path + ":" + lineNumber + ": no column '" + labelColumn + "' in the header "
                        + String.join(delimiter, header), header.length == 1 && !delimiter.equals(",")
                                ? "check 'delimiter' ('" + delimiter + "') and set 'label_column' to one of these columns"
                                : "set 'label_column' to one of these columns");
            }
            if (header.length < 2) {
                throw new BadInputException(path + ":" + lineNumber + ": the header has only the label column '"
                        + labelColumn + "'", "add feature columns (or check 'delimiter': '" + delimiter + "')");
            }
            int width = header.length - 1;
            List<double[]> rows = new ArrayList<>();
            List<Double> labels = new ArrayList<>();
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = cells(splitter, line);
                if (cells.length != header.length) {
                    throw new BadInputException(path + ":" + lineNumber + ": row has " + cells.length
                            + " columns but the header has " + header.length, "give every row one value per header column");
                }
                double[] features = new double[width];
                int f = 0;
                for (int c = 0; c < cells.length; c++) {
                    double value = number(cells[c], path, lineNumber, c, header[c]);
                    if (c == label) {
                        labels.add(value);
                    } else {
                        features[f++] = value;
                    }
                }
                rows.add(features);
            }
            if (rows.isEmpty()) {
                throw new BadInputException(path + " has a header but no rows", "add one row per example");
            }
            double[] features = new double[rows.size() * width];
            double[] labelValues = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, features, i * width, width);
                labelValues[i] = labels.get(i);
            }
            return new Examples(features, rows.size(), new int[] {width}, labelValues);
        }
    }

    @Override
    public List<String> classNames(Params classNames) {
        return List.copyOf(classNames.getStringList("names"));
    }

    private static String[] cells(Pattern splitter, String line) {
        String[] cells = splitter.split(line, -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).trim();
            }
            cells[i] = cell;
        }
        return cells;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static double number(String cell, Path path, int line, int column, String name) {
        if (!NUMBER.matcher(cell).matches()) {
            throw new BadInputException(path + ":" + line + ": column " + (column + 1) + " ('" + name + "') holds '"
                    + cell + "', which is not a number", "every column must be numeric (encode categories as numbers)");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new BadInputException(path + ":" + line + ": column " + (column + 1) + " ('" + name + "') holds '"
                    + cell + "', which is too large for a double", "rescale the column");
        }
        return value;
    }
}
