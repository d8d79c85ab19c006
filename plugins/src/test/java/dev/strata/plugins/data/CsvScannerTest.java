package dev.strata.plugins.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.spi.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level CSV splitting and number parsing behind the csv format. */
class CsvScannerTest {
    private static final Path FILE = Path.of("data.csv");

    private static CsvScanner scanner(byte[] bytes) {
        return new CsvScanner(FILE, new ByteArrayInputStream(bytes), ',');
    }

    private static CsvScanner scanner(String text) {
        return scanner(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> rows(CsvScanner s) throws IOException {
        List<List<String>> out = new ArrayList<>();
        while (s.next()) {
            out.add(s.texts());
        }
        return out;
    }

    @Test
    void splitsQuotedCellsWithDelimitersAndDoubledQuotesCrlfBlankLinesAndAMissingLastLineEnd() throws IOException {
        CsvScanner s = scanner("a, \"b,c\" ,\"say \"\"hi\"\"\"\r\n\r\n  \n1,2,3");

        assertThat(rows(s)).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("1", "2", "3"));
        assertThat(s.line()).isEqualTo(4);
    }

    @Test
    void parsesEveryPlainDecimalExactlyAsDoubleParseDouble() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(60) - 30);
                case 2 -> random.nextInt(1_000_000) / 1000.0;
                default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            };
            String cell = i % 5 == 0 ? String.format("%.6e", v) : Double.toString(v).replace("E", i % 2 == 0 ? "e" : "E");
            cells.add(cell);
            text.append(cell).append('\n');
        }
        for (String cell : List.of("0", "-0", "+1", ".5", "5.", "007", "1e0", "123456789012345678901234567890", "1E+22",
                "1e23", "9007199254740993", "2.2250738585072011e-308", "4.9e-324", "1e-400")) {
            cells.add(cell);
            text.append(cell).append('\n');
        }
        CsvScanner s = scanner(text.toString());
        for (String cell : cells) {
            assertThat(s.next()).isTrue();
            assertThat(Double.doubleToRawLongBits(s.number(0))).as(cell)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(cell)));
        }
    }

    @Test
    void refusesWhatIsNotAPlainDecimalThoughJavaWouldParseIt() throws IOException {
        CsvScanner s = scanner("NaN\nInfinity\n1d\n0x1p3\n\"\"\n1e\n+\n.\n1.2.3\n1e5x\n--1\n");
        while (s.next()) {
            assertThat(s.number(0)).as(s.texts().get(0)).isNaN();
        }
    }

    @Test
    void namesTheLineAndTheByteOfTextThatIsNotUtf8() throws IOException {
        byte[] latin1 = "caf\u00e9,label\n1,0\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvScanner s = scanner(latin1);
        s.next();

        assertThatThrownBy(() -> s.text(0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("data.csv:1: cell 1 is not UTF-8 text (a byte such as 0xe9")
                .hasMessageContaining("save the file as UTF-8");
    }

    @Test
    void refusesALineLongerThanTheLimitInsteadOfReadingItAll() {
        byte[] endless = new byte[CsvScanner.MAX_LINE_BYTES + (1 << 20)];
        java.util.Arrays.fill(endless, (byte) '7');

        assertThatThrownBy(() -> scanner(endless).next()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("data.csv:1: the line is longer than 16 MiB");
    }
}
