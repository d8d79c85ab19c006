package dev.strata.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.strata.spi.BadInputException;
import java.io.IOException;

/**
 * The JSON files Strata writes and reads (report.json, model.json, sweep results), through Jackson:
 * records map to objects with snake_case keys; NaN and infinities, which JSON cannot express, are
 * written as {@code null}. Reading is bounded by Jackson's limits on nesting depth and number size,
 * and a malformed file is reported with its line and column.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());
    private static final ObjectWriter LINE = MAPPER.writer();
    private static final ObjectWriter INLINE = MAPPER.writer(inlinePrinter());

    private JsonFiles() {
    }

    private static ObjectMapper mapper() {
        SimpleModule finite = new SimpleModule("finite-doubles");
        JsonSerializer<Double> doubles = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    out.writeNull();
                } else {
                    out.writeNumber(value);
                }
            }
        };
        finite.addSerializer(Double.class, doubles);
        finite.addSerializer(double.class, doubles);
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(finite);
    }

    /** Two-space indentation, {@code "key": value}, short arrays on one line. */
    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return printer.withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    /** One line with a space after each separator, {@code {"a": 1, "b": [7, 1]}}, for people. */
    private static DefaultPrettyPrinter inlinePrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(DefaultPrettyPrinter.NopIndenter.instance);
        printer.indentArraysWith(DefaultPrettyPrinter.NopIndenter.instance);
        return printer;
    }

    /** Indented JSON with a final newline, for files people open. */
    public static String write(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A value on one readable line, for console messages. */
    public static String inline(Object value) {
        try {
            return INLINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** One line of JSON, for line-per-record files. */
    public static String line(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads {@code text} as a {@code type}.
     *
     * @param source names the file in error messages
     * @throws BadInputException naming the file, line and column when the text is not such JSON
     */
    public static <T> T read(String text, Class<T> type, String source) {
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new BadInputException(source + " holds JSON null, not " + type.getSimpleName(),
                        "the file is damaged; write it again");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw bad(source, e);
        }
    }

    /** Reads {@code text} as a tree (for files whose shape a caller checks itself). */
    public static JsonNode tree(String text, String source) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(source, e);
        }
    }

    /** A value as a tree, e.g. to compare two values' JSON forms. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static BadInputException bad(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new BadInputException(where + ": not valid JSON for Strata (" + e.getOriginalMessage() + ")",
                "the file is damaged; write it again", e);
    }
}
