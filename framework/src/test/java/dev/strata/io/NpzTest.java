package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    /** {@code np.save} of {@code np.array([[1.5, -2.0, 3.25], [0.0, 1e-300, 7.0]])} with numpy 1.24. */
    private static final String NUMPY_F8_2X3 = "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a000000000000f83f00000000000000c0"
            + "0000000000000a40000000000000000059f3f8c21f6ea5010000000000001c40";
    /** {@code np.save} of {@code np.array([[1.5, -2.0], [0.25, 8.0]], dtype='<f4')}. */
    private static final String NUMPY_F4_2X2 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c2032292c207d202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a0000c03f000000c00000803e00000041";
    /** {@code np.save} of {@code np.array([0.5, 2.0])}. */
    private static final String NUMPY_F8_VECTOR = "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73"
            + "652c20277368617065273a2028322c292c207d2020202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a000000000000e03f0000000000000040";
    /** {@code np.save} of {@code np.asfortranarray([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])}. */
    private static final String NUMPY_FORTRAN_2X3 = "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2054727565"
            + "2c20277368617065273a2028322c2033292c207d20202020202020202020202020202020202020202020202020202020"
            + "202020202020202020202020202020202020202020202020202020202020200a000000000000f03f0000000000001040"
            + "0000000000000040000000000000144000000000000008400000000000001840";

    @TempDir
    Path dir;

    private static NumpyArray matrix(double[][] rows, boolean single) {
        double[] values = java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
        return new NumpyArray(new int[] {rows.length, rows[0].length}, values, single);
    }

    @Test
    void encodesFloat64ExactlyAsNumpySaves() {
        NumpyArray a = matrix(new double[][] {{1.5, -2.0, 3.25}, {0.0, 1e-300, 7.0}}, false);

        assertThat(HexFormat.of().formatHex(Npy.encode(a))).isEqualTo(NUMPY_F8_2X3);
    }

    @Test
    void encodesFloat32AndVectorsExactlyAsNumpySaves() {
        NumpyArray f = matrix(new double[][] {{1.5, -2.0}, {0.25, 8.0}}, true);
        NumpyArray v = NumpyArray.vector(0.5, 2.0);

        assertThat(HexFormat.of().formatHex(Npy.encode(f))).isEqualTo(NUMPY_F4_2X2);
        assertThat(HexFormat.of().formatHex(Npy.encode(v))).isEqualTo(NUMPY_F8_VECTOR);
    }

    @Test
    void decodesFortranOrderedNumpyArraysIntoCOrder() {
        NumpyArray a = Npy.decode(HexFormat.of().parseHex(NUMPY_FORTRAN_2X3), "f.npy");

        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.values()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void roundTripsFloat64AndFloat32ExactlyInOrder() throws IOException {
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        arrays.put("W1", matrix(new double[][] {{1e-3, -2.5e-4, 7.0}, {0.1, 0.2, 0.3}}, false));
        arrays.put("b1", new NumpyArray(new int[] {2, 1}, new double[2], false));
        arrays.put("W2", matrix(new double[][] {{0.25, -1.5}}, true));
        arrays.put("costs", NumpyArray.vector(0.693, Math.PI, -0.0, Double.MIN_VALUE));
        arrays.put("empty", new NumpyArray(new int[] {0, 3}, new double[0], false));
        Path file = dir.resolve("checkpoint.npz");

        Npz.write(file, arrays);
        LinkedHashMap<String, NumpyArray> back = Npz.read(file);

        assertThat(back.keySet()).containsExactly("W1", "b1", "W2", "costs", "empty");
        for (String name : arrays.keySet()) {
            assertThat(back.get(name)).as(name).isEqualTo(arrays.get(name));
        }
        assertThat(Double.doubleToRawLongBits(back.get("costs").values()[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void writesUncompressedNpyEntries() throws Exception {
        Path file = dir.resolve("params.npz");

        Npz.write(file, Map.of("W1", matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}, false)));

        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("W1.npy");
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.STORED);
        }
    }

    @Test
    void numpyLoadsTheArchive() throws Exception {
        String python = pythonWithNumpy();
        assumeTrue(python != null, "python3 with numpy is not installed");
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        arrays.put("W1", matrix(new double[][] {{1.25, -2}, {3, 4e-9}}, false));
        arrays.put("b1", new NumpyArray(new int[] {2}, new double[] {0.5, -1.5}, true));
        Path file = dir.resolve("params.npz");
        Npz.write(file, arrays);

        String script = "import numpy as np, sys; d = np.load(sys.argv[1]);"
                + " print(list(d.keys()), d['W1'].dtype, d['W1'].tolist(), d['b1'].dtype, d['b1'].tolist())";
        String output = run(python, "-c", script, file.toString());

        assertThat(output.trim()).isEqualTo("['W1', 'b1'] float64 [[1.25, -2.0], [3.0, 4e-09]] float32 [0.5, -1.5]");
    }

    @Test
    void readsNumpyCompressedArchives() throws IOException {
        // np.savez_compressed deflates its entries; reading must not depend on STORED.
        Path file = dir.resolve("compressed.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(HexFormat.of().parseHex(NUMPY_F8_VECTOR));
            zip.closeEntry();
        }

        assertThat(Npz.read(file).get("x").values()).containsExactly(0.5, 2.0);
    }

    @Test
    void rejectsFilesThatAreNotArchivesOrHoldOtherTypes() throws IOException {
        Path text = dir.resolve("notes.npz");
        Files.writeString(text, "not a zip");
        assertThatThrownBy(() -> Npz.read(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("notes.npz is not a readable .npz archive");

        byte[] ints = HexFormat.of().parseHex(NUMPY_F8_VECTOR);
        byte[] header = "'<i8'".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, ints, 20, header.length);
        assertThatThrownBy(() -> Npy.decode(ints, "x.npy")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("x.npy holds dtype '<i8'");

        byte[] truncated = java.util.Arrays.copyOf(HexFormat.of().parseHex(NUMPY_F8_VECTOR), 130);
        assertThatThrownBy(() -> Npy.decode(truncated, "y.npy")).hasMessageContaining("y.npy holds 2 data bytes, expected 16");
        assertThatThrownBy(() -> Npz.read(dir.resolve("missing.npz"))).hasMessageContaining("no such file");
    }

    private static String pythonWithNumpy() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                if (run(candidate, "-c", "import numpy").isEmpty()) {
                    return candidate;
                }
            } catch (Exception e) {
                // not usable; try the next
            }
        }
        return null;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("command failed: " + output);
        }
        return output;
    }
}
