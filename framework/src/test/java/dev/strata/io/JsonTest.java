package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void prettyPrintsMapsInInsertionOrderWithTwoSpaceIndent() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", "cat-4layer");
        report.put("train_accuracy", 0.9856459330143541);
        report.put("iterations", 2500);
        report.put("layers", List.of(Map.of("units", 20), Map.of("units", 1)));
        report.put("costs", new double[] {0.771749, 0.672053});
        report.put("empty", Map.of());

        assertThat(Json.write(report)).isEqualTo("""
                {
                  "model": "cat-4layer",
                  "train_accuracy": 0.9856459330143541,
                  "iterations": 2500,
                  "layers": [
                    {
                      "units": 20
                    },
                    {
                      "units": 1
                    }
                  ],
                  "costs": [0.771749, 0.672053],
                  "empty": {}
                }
                """);
    }

    @Test
    void writesNumbersInShortestRoundTripFormAndNonFiniteAsNull() {
        assertThat(Json.write(new Object[] {0.1, 1.0, 1e-5, 2500, 3L, Double.NaN, Double.POSITIVE_INFINITY, -0.5f}))
                .isEqualTo("[0.1, 1.0, 1.0E-5, 2500, 3, null, null, -0.5]\n");
        assertThat(Json.write(new int[] {1, 2})).isEqualTo("[1, 2]\n");
        assertThat(Json.write(new double[][] {{1.5}, {}})).isEqualTo("[\n  [1.5],\n  []\n]\n");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String text = "say \"hi\"\\ tab\there\nnew\u0001 é \u2028";

        String json = Json.write(text);

        assertThat(json).isEqualTo("\"say \\\"hi\\\"\\\\ tab\\there\\nnew\\u0001 é \\u2028\"\n");
        assertThat(Json.parse(json)).isEqualTo(text);
    }

    @Test
    void roundTripsNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "a/b \"c\"");
        value.put("count", 209L);
        value.put("cost", 0.6930497356599891);
        value.put("tiny", Double.MIN_VALUE);
        value.put("ok", true);
        value.put("missing", null);
        value.put("nested", new ArrayList<>(List.of(List.of(1L, 2.5), new LinkedHashMap<>(Map.of("k", false)))));

        Object back = Json.parse(Json.write(value));

        assertThat(back).isInstanceOf(LinkedHashMap.class).isEqualTo(value);
        assertThat(new ArrayList<Object>(((Map<?, ?>) back).keySet())).containsExactlyElementsOf(value.keySet());
    }

    @Test
    void parsesNumbersAsLongOrDouble() {
        assertThat(Json.parse("[0, -12, 1.5, 2e3, -1E-2, 123456789012345678901]"))
                .isEqualTo(Arrays.asList(0L, -12L, 1.5, 2000.0, -0.01, 1.2345678901234568E20));
    }

    @Test
    void parsesUnicodeEscapesAndWhitespace() {
        assertThat(Json.parse(" { \"a\" : [ \"\\u00e9\\ud83d\\ude00\\/\" ] } "))
                .isEqualTo(Map.of("a", List.of("é\uD83D\uDE00/")));
    }

    @Test
    void reportsLineAndColumnOfSyntaxErrors() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "report.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("report.json:3:7: expected ':' but found '2'");
        assertThatThrownBy(() -> Json.parse("[1, 2"))
                .hasMessageStartingWith("JSON:1:6: expected ',' but found the end of the text");
        assertThatThrownBy(() -> Json.parse("{\"a\": tru}")).hasMessageStartingWith("JSON:1:7: unexpected 't'");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageStartingWith("JSON:1:1: unterminated string");
        assertThatThrownBy(() -> Json.parse("[01]")).hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageStartingWith("JSON:1:4: unexpected 'x' after the end");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("unexpected end of text");
    }
}
