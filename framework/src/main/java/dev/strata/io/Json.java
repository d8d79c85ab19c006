package dev.strata.io;

import dev.strata.spi.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader for report and results files.
 *
 * <p>Writing: maps keep their iteration order; collections and arrays whose elements are all
 * scalars print on one line (cost curves stay compact), anything nested prints one element per
 * line with a 2-space indent. Doubles use {@link Double#toString} (the shortest form that reads back
 * to the same double, e.g. {@code 0.1}, {@code 1.0E-5}); integer types print without a fraction;
 * NaN and infinities, which JSON cannot express, become {@code null}.
 *
 * <p>Reading: objects become {@link LinkedHashMap}, arrays {@link ArrayList}, numbers {@link Long}
 * when written without fraction or exponent (and in range) and {@link Double} otherwise.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out, 0);
        return out.append('\n').toString();
    }

    private static void writeValue(Object value, StringBuilder out, int indent) {
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof CharSequence
                || value instanceof Character || value instanceof Enum<?>) {
            writeScalar(value, out);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, indent);
        } else if (value instanceof Collection<?> list) {
            writeList(new ArrayList<>(list), out, indent);
        } else if (value instanceof int[] a) {
            writeList(java.util.Arrays.stream(a).boxed().toList(), out, indent);
        } else if (value instanceof long[] a) {
            writeList(java.util.Arrays.stream(a).boxed().toList(), out, indent);
        } else if (value instanceof double[] a) {
            writeList(java.util.Arrays.stream(a).boxed().toList(), out, indent);
        } else if (value instanceof Object[] a) {
            writeList(java.util.Arrays.asList(a), out, indent);
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out, int indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            pad(out, indent + 1);
            writeString(String.valueOf(e.getKey()), out);
            out.append(": ");
            writeValue(e.getValue(), out, indent + 1);
            out.append(++i < map.size() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append('}');
    }

    private static void writeList(List<?> list, StringBuilder out, int indent) {
        if (list.stream().allMatch(Json::isScalar)) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                writeScalar(list.get(i), out);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            pad(out, indent + 1);
            writeValue(list.get(i), out, indent + 1);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append(']');
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof Boolean || value instanceof Number || value instanceof CharSequence
                || value instanceof Character || value instanceof Enum<?>;
    }

    private static void writeScalar(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else {
                out.append(value instanceof Float f ? Float.toString(f) : Double.toString(d));
            }
        } else if (value instanceof BigDecimal b) {
            out.append(b.toString());
        } else if (value instanceof Number n) {
            out.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Enum<?> e) {
            writeString(e.name(), out);
        } else {
            writeString(value.toString(), out);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters must be escaped; U+2028/9 too, so the output is also valid JavaScript.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void pad(StringBuilder out, int indent) {
        out.append("  ".repeat(indent));
    }

    /** Parses JSON text; errors say {@code line:col} of the problem. */
    public static Object parse(String text) {
        return parse(text, "JSON");
    }

    /**
     * Parses JSON text.
     *
     * @param source names the text in error messages, e.g. the file it came from
     */
    public static Object parse(String text, String source) {
        Reader reader = new Reader(text, source);
        reader.skipWhitespace();
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (!reader.atEnd()) {
            throw reader.error("unexpected '" + reader.peekText() + "' after the end of the JSON value");
        }
        return value;
    }

    private static final class Reader {
        private final String text;
        private final String source;
        private int pos;

        Reader(String text, String source) {
            this.text = text;
            this.source = source;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        String peekText() {
            return atEnd() ? "end of text" : String.valueOf(text.charAt(pos));
        }

        void skipWhitespace() {
            while (!atEnd() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object readValue() {
            if (atEnd()) {
                throw error("unexpected end of text, expected a value");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> readObject();
                case '[' -> readArray();
                case '"' -> readString();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield readNumber();
                    }
                    throw error("unexpected '" + c + "', expected a value");
                }
            };
        }

        private Map<String, Object> readObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (consume('}')) {
                return map;
            }
            while (true) {
                skipWhitespace();
                if (atEnd() || text.charAt(pos) != '"') {
                    throw error("expected a \"key\" but found " + describe());
                }
                String key = readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                map.put(key, readValue());
                skipWhitespace();
                if (consume('}')) {
                    return map;
                }
                expect(',');
            }
        }

        private List<Object> readArray() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (consume(']')) {
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(readValue());
                skipWhitespace();
                if (consume(']')) {
                    return list;
                }
                expect(',');
            }
        }

        private String readString() {
            int start = pos;
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    pos = start;
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("control character U+" + String.format("%04X", (int) c) + " in a string; escape it");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("\\u needs 4 hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("\\u needs 4 hex digits, found '" + text.substring(pos, pos + 4) + "'");
                        }
                        pos += 4;
                    }
                    default -> {
                        pos -= 2;
                        throw error("unknown escape '\\" + e + "'");
                    }
                }
            }
        }

        private Object readNumber() {
            int start = pos;
            consume('-');
            int intStart = pos;
            digits();
            if (pos == intStart) {
                throw error("expected a digit");
            }
            if (text.charAt(intStart) == '0' && pos - intStart > 1) {
                pos = intStart;
                throw error("numbers must not have leading zeros");
            }
            boolean integral = true;
            if (consume('.')) {
                integral = false;
                int fracStart = pos;
                digits();
                if (pos == fracStart) {
                    throw error("expected a digit after '.'");
                }
            }
            if (!atEnd() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (!consume('+')) {
                    consume('-');
                }
                int expStart = pos;
                digits();
                if (pos == expStart) {
                    throw error("expected a digit in the exponent");
                }
            }
            String number = text.substring(start, pos);
            if (integral) {
                try {
                    return Long.parseLong(number);
                } catch (NumberFormatException tooBig) {
                    return Double.parseDouble(number);
                }
            }
            return Double.parseDouble(number);
        }

        private void digits() {
            while (!atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected '" + text.charAt(pos) + "', expected a value");
            }
            pos += word.length();
            return value;
        }

        private boolean consume(char c) {
            if (!atEnd() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw error("expected '" + c + "' but found " + describe());
            }
        }

        private String describe() {
            return atEnd() ? "the end of the text" : "'" + text.charAt(pos) + "'";
        }

        BadInputException error(String what) {
            int line = 1;
            int col = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new BadInputException(source + ":" + line + ":" + col + ": " + what,
                    "fix the JSON at that position (or rewrite the file)");
        }
    }
}
