package dev.strata.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.Examples;
import dev.strata.spi.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataSourceTest {
    private final CsvDataSourceFactory factory = new CsvDataSourceFactory();
    private final DataSource source = factory.create();

    @TempDir
    Path dir;

    @Test
    void readsEveryColumnButTheLabelAsAFeatureInHeaderOrder() throws IOException {
        Path csv = write("points.csv", "x1,label,x2,x3\n0.5,1,-2,3e2\n\n1.5, 0 ,+.25,\"4\"\n");

        Examples examples = source.read(split(csv));

        assertThat(examples.count()).isEqualTo(2);
        assertThat(examples.exampleShape()).containsExactly(3);
        assertThat(examples.features().toDoubles()).containsExactly(0.5, -2, 300, 1.5, 0.25, 4);
        assertThat(examples.labels()).containsExactly(1, 0);
        assertThat(examples.featureNames()).as("kept with the model, to check new data by").containsExactly("x1", "x2",
                "x3");
        try (var reader = source.open(split(csv))) {
            assertThat(reader.featureNames()).containsExactly("x1", "x2", "x3");
        }
    }

    @Test
    void aFileWithoutAHeaderRowIsCalledSoInsteadOfMissingItsLabelColumn() throws IOException {
        Path csv = write("nohead.csv", "0.5,1,0\n1.5,0,1\n");
        assertThatThrownBy(() -> source.read(split(csv))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("nohead.csv:1: the first row (0.5,1,0) holds numbers, not column names")
                .hasMessageContaining("add a header row naming each column, 'label' (the label) among them");
        // columns numbered as pandas names them are a header, for examples to predict
        Path numbered = write("numbered.csv", "0,1,2\n0.5,1,0\n");
        assertThat(source.readUnlabeled(split(numbered)).featureNames()).containsExactly("0", "1", "2");
    }

    @Test
    void aColumnNamedTwiceIsRefusedWithBothPositions() throws IOException {
        Path csv = write("twice.csv", "x1,x2,label,x1\n1,2,0,3\n");
        assertThatThrownBy(() -> source.read(split(csv))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("twice.csv:1: the header names 'x1' twice (columns 1 and 4)");
        Path labels = write("labels.csv", "x1,label,label\n1,0,1\n");
        assertThatThrownBy(() -> source.read(split(labels))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("names the label column 'label' twice (columns 2 and 3)");
    }

    @Test
    void honoursTheLabelColumnAndDelimiterParameters() throws IOException {
        Path csv = write("semi.csv", "\uFEFFclass;a;b\r\n2;1.0;2.0\r\n0;3.0;4.0\r\n");

        Examples examples = source.read(split(csv).with("label_column", "class").with("delimiter", ";"));

        assertThat(examples.features().toDoubles()).containsExactly(1, 2, 3, 4);
        assertThat(examples.labels()).containsExactly(2, 0);
    }

    @Test
    void takesClassNamesFromTheSpec() throws IOException {
        assertThat(source.classNames(Params.of(Map.of("names", List.of("non-cat", "cat"))))).containsExactly("non-cat", "cat");
        assertThat(factory.classNameParameters()).extracting(p -> p.name()).containsExactly("names");
    }

    @Test
    void namesFileLineAndColumnOfANonNumericValue() throws IOException {
        Path csv = write("bad.csv", "a,b,label\n1,2,0\n3,abc,1\n");

        assertThatThrownBy(() -> source.read(split(csv)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.csv:3: column 2 ('b') holds 'abc', which is not a number");
        Path nan = write("nan.csv", "a,label\nNaN,0\n");
        assertThatThrownBy(() -> source.read(split(nan))).hasMessageContaining("nan.csv:2: column 1 ('a') holds 'NaN'");
        Path blank = write("blank.csv", "a,label\n,0\n");
        assertThatThrownBy(() -> source.read(split(blank))).hasMessageContaining("blank.csv:2: column 1 ('a') holds ''");
    }

    @Test
    void listsTheHeaderWhenTheLabelColumnIsMissing() throws IOException {
        Path csv = write("nolabel.csv", "a,b,y\n1,2,0\n");

        assertThatThrownBy(() -> source.read(split(csv)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nolabel.csv:1: no column 'label' in the header a,b,y")
                .hasMessageContaining("set 'label_column'");
    }

    @Test
    void reportsRaggedRows() throws IOException {
        Path csv = write("ragged.csv", "a,b,label\n1,2,0\n1,2\n");

        assertThatThrownBy(() -> source.read(split(csv)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("ragged.csv:3: row has 2 columns but the header has 3");
    }

    @Test
    void reportsEmptyFilesAndFilesWithoutRows() throws IOException {
        Path empty = write("empty.csv", "");
        Path headerOnly = write("header.csv", "a,label\n\n");
        Path labelOnly = write("labelonly.csv", "label\n1\n");

        assertThatThrownBy(() -> source.read(split(empty))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("empty.csv is empty");
        assertThatThrownBy(() -> source.read(split(headerOnly))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("header.csv has a header but no rows");
        assertThatThrownBy(() -> source.read(split(labelOnly))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the header has only the label column 'label'");
    }

    private Params split(Path csv) {
        return Params.defaults(factory.parameters()).with("path", csv);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
