package dev.strata.sweep;

import dev.strata.io.AtomicFiles;
import dev.strata.io.JsonFiles;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code results.jsonl} and {@code results.csv}: one line per finished trial, appended, flushed and
 * forced to disk as each trial ends, so a crash loses at most the trials in flight. When the sweep
 * ends both files are rewritten in trial-id order, so an interrupted and resumed sweep ends with
 * the same lines as an uninterrupted one.
 */
public final class ResultsLog implements AutoCloseable {
    public static final String JSONL = "results.jsonl";
    public static final String CSV = "results.csv";

    private final Path dir;
    private final List<String> parameterNames;
    private final List<String> metricNames;
    private final FileChannel jsonl;
    private final FileChannel csv;
    private final Map<String, TrialResult> results = new LinkedHashMap<>();

    private ResultsLog(Path dir, List<String> parameterNames, List<String> metricNames, List<TrialResult> existing)
            throws IOException {
        this.dir = dir;
        this.parameterNames = List.copyOf(parameterNames);
        this.metricNames = List.copyOf(metricNames);
        existing.forEach(r -> results.put(r.id(), r));
        // Rewrite both files from the intact lines: drops a torn last line and matching CSV rows.
        rewrite();
        this.jsonl = FileChannel.open(dir.resolve(JSONL), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.csv = FileChannel.open(dir.resolve(CSV), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Starts empty files in {@code dir} with the classification metrics as CSV columns. */
    public static ResultsLog create(Path dir, List<String> parameterNames) throws IOException {
        return create(dir, parameterNames, Objective.reportedFor(dev.strata.spi.LossFactory.LabelKind.CLASS_INDEX, false));
    }

    /** Starts empty files in {@code dir}; {@code metricNames} are the CSV's metric columns. */
    public static ResultsLog create(Path dir, List<String> parameterNames, List<String> metricNames) throws IOException {
        return new ResultsLog(dir, parameterNames, metricNames, List.of());
    }

    /** Continues the files in {@code dir}, keeping every intact line. */
    public static ResultsLog resume(Path dir, List<String> parameterNames, List<String> metricNames) throws IOException {
        return new ResultsLog(dir, parameterNames, metricNames, read(dir.resolve(JSONL)));
    }

    /** The results recorded so far, by id. */
    public synchronized Map<String, TrialResult> results() {
        return Map.copyOf(results);
    }

    /** Appends one trial's line to both files and forces them to disk. Thread-safe. */
    public synchronized void append(TrialResult result) throws IOException {
        results.put(result.id(), result);
        write(jsonl, jsonLine(result));
        write(csv, csvRow(result));
    }

    /** Rewrites both files in id order. */
    public synchronized void finish() throws IOException {
        rewrite();
    }

    @Override
    public synchronized void close() throws IOException {
        jsonl.close();
        csv.close();
    }

    private void rewrite() throws IOException {
        List<TrialResult> sorted = new ArrayList<>(results.values());
        sorted.sort(Comparator.comparing(TrialResult::id));
        AtomicFiles.writeString(dir.resolve(JSONL), sorted.stream().map(ResultsLog::jsonLine)
                .collect(Collectors.joining()));
        StringBuilder text = new StringBuilder(csvHeader());
        sorted.forEach(r -> text.append(csvRow(r)));
        AtomicFiles.writeString(dir.resolve(CSV), text.toString());
    }

    private static void write(FileChannel channel, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    /** One JSON object on one line (the writer's structural newlines and indents removed). */
    static String jsonLine(TrialResult result) {
        return JsonFiles.line(result) + "\n";
    }

    /**
     * Reads the intact lines of a results file. A last line without its newline, or one that does not
     * parse, is a write the crash interrupted and is dropped; a bad line before the last is an error.
     */
    @SuppressWarnings("unchecked")
    public static List<TrialResult> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<TrialResult> out = new ArrayList<>();
        // The element after the last '\n' is empty for an intact file and the torn line otherwise.
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(JsonFiles.read(lines[i], TrialResult.class, file + " line " + (i + 1)));
            } catch (RuntimeException e) {
                if (i == lines.length - 2) {
                    break;
                }
                throw new BadInputException(file + " line " + (i + 1) + " is not a trial result: " + e.getMessage(),
                        "remove that line; the trial will run again on --resume");
            }
        }
        return out;
    }

    private String csvHeader() {
        List<String> columns = new ArrayList<>(List.of("id", "status", "seconds"));
        columns.addAll(parameterNames);
        columns.addAll(metricNames);
        columns.add("error");
        return columns.stream().map(ResultsLog::csvField).collect(Collectors.joining(",")) + "\n";
    }

    private String csvRow(TrialResult r) {
        List<String> fields = new ArrayList<>(List.of(r.id(), r.status(), Double.toString(r.seconds())));
        for (String name : parameterNames) {
            fields.add(valueText(r.parameters().get(name)));
        }
        for (String metric : metricNames) {
            double v = r.metric(metric);
            fields.add(Double.isNaN(v) ? "" : Double.toString(v));
        }
        fields.add(r.error() == null ? "" : r.error());
        return fields.stream().map(ResultsLog::csvField).collect(Collectors.joining(",")) + "\n";
    }

    /** A parameter value as a results.csv cell: lists as [a, b], numbers as Java writes them (every digit, read back exactly). */
    static String valueText(Object value) {
        return text(value, String::valueOf);
    }

    /** A parameter value for people (summary.md, the console): as {@link #valueText}, but {@code 3e-5}, not {@code 3.0E-5}. */
    static String shownText(Object value) {
        return text(value, v -> v instanceof Double d ? dev.strata.io.Decimal.text(d) : String.valueOf(v));
    }

    private static String text(Object value, java.util.function.Function<Object, String> scalar) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> text(v, scalar)).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar.apply(value);
    }

    private static String csvField(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
