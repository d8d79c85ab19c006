package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFilesTest {
    /** A record shaped like the report's parts. */
    record Sample(String modelName, double trainAccuracy, int iterations, List<Double> costs, Map<String, Object> empty) {
    }

    record Back(String modelName, double trainAccuracy, int iterations, List<Double> costs) {
    }

    @Test
    void writesRecordsAsObjectsWithSnakeCaseKeysInComponentOrderAndTwoSpaceIndent() {
        Sample sample = new Sample("cat-4layer", 0.9856459330143541, 2500, List.of(0.771749, 0.672053), Map.of());

        assertThat(JsonFiles.write(sample)).isEqualTo("""
                {
                  "model_name": "cat-4layer",
                  "train_accuracy": 0.9856459330143541,
                  "iterations": 2500,
                  "costs": [0.771749, 0.672053],
                  "empty": {}
                }
                """);
    }

    @Test
    void writesNumbersInShortestRoundTripFormAndNonFiniteAsNull() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", List.of(0.1, 1.0, 1e-5, 2500, 3L));
        values.put("nan", Double.NaN);
        values.put("inf", Double.POSITIVE_INFINITY);
        assertThat(JsonFiles.line(values)).isEqualTo("{\"a\":[0.1,1.0,1.0E-5,2500,3],\"nan\":null,\"inf\":null}");
        assertThat(JsonFiles.inline(values)).isEqualTo("{\"a\": [0.1, 1.0, 1.0E-5, 2500, 3], \"nan\": null, \"inf\": null}");
    }

    @Test
    void readsRecordsBackAndIgnoresKeysOfNewerVersions() {
        Back back = JsonFiles.read("{\"model_name\": \"x\", \"train_accuracy\": 0.5, \"iterations\": 3, \"costs\": [1.5],"
                + " \"added_later\": true}", Back.class, "report.json");

        assertThat(back).isEqualTo(new Back("x", 0.5, 3, List.of(1.5)));
    }

    @Test
    void aMalformedFileIsBadInputWithItsLineAndColumn() {
        assertThatThrownBy(() -> JsonFiles.read("{\n  \"model_name\": 1,\n  \"iterations\" 2\n}", Back.class,
                "report.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("report.json:3:")
                .hasMessageContaining("the file is damaged");
        assertThatThrownBy(() -> JsonFiles.read("null", Back.class, "model.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("model.json holds JSON null");
    }

    @Test
    void deepNestingIsRefusedAsBadInputNotAStackOverflow() {
        String deep = "[".repeat(100_000);

        assertThatThrownBy(() -> JsonFiles.tree(deep, "model.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("model.json");
    }
}
