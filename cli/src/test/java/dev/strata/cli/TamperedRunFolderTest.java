package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.io.Npz;
import dev.strata.io.NumpyArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders edited by hand or damaged, and data that does not fit the model: `evaluate`,
 * `predict` and `train --resume` refuse each with exit 2 and what does not fit, never a plausible
 * result with exit 0 and never "unexpected ... bug".
 */
class TamperedRunFolderTest {
    @TempDir
    static Path tmp;
    static Path run;
    static Path spec;

    @BeforeAll
    static void trainASmallModel() {
        try {
            spec = BadInput.tinyProject(tmp.resolve("project"), TINY_SPEC);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        run = tmp.resolve("run");
        CliRunner.Result trained = CliRunner.run("train", spec.toString(), "--out", run.toString(), "--quiet");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    /** A copy of the run with its model.npz changed by {@code change}. */
    private static Path withModel(String name, UnaryOperator<Map<String, NumpyArray>> change) throws IOException {
        Path copy = copyOfRun(name);
        Npz.write(copy.resolve("model.npz"), change.apply(new LinkedHashMap<>(Npz.read(run.resolve("model.npz")))));
        return copy;
    }

    private static Path withInfo(String name, String from, String to) throws IOException {
        Path copy = copyOfRun(name);
        String info = Files.readString(copy.resolve("model.json"));
        assertThat(info).contains(from);
        Files.writeString(copy.resolve("model.json"), info.replace(from, to));
        return copy;
    }

    private static Path copyOfRun(String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(name));
        try (var files = Files.list(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void aBiasOfTheWrongLengthIsRefused() throws IOException {
        Path bad = withModel("b1", m -> {
            m.put("b1", NumpyArray.matrix(5, 1, new double[5]));
            return m;
        });
        assertRefused(CliRunner.run("evaluate", bad.toString()), "b1 has shape [5, 1] but the model needs 3x1",
                "the run folder is damaged");
    }

    @Test
    void weightsOfRankThreeAreRefused() throws IOException {
        Path bad = withModel("w1", m -> {
            m.put("W1", new NumpyArray(new int[] {3, 2, 1}, new double[6], false));
            return m;
        });
        assertRefused(CliRunner.run("evaluate", bad.toString()), "W1 has shape [3, 2, 1], not a matrix");
    }

    @Test
    void aNonFiniteWeightIsRefused() throws IOException {
        Path bad = withModel("nan", m -> {
            double[] w = m.get("W2").values().clone();
            w[0] = Double.NaN;
            m.put("W2", NumpyArray.matrix(1, 3, w));
            return m;
        });
        assertRefused(CliRunner.run("evaluate", bad.toString()), "W2 holds a non-finite value (NaN)");
    }

    @Test
    void emptyClassNamesAZeroScaleAndANegativeShapeAreRefused() throws IOException {
        assertRefused(CliRunner.run("evaluate", withInfo("names", "\"class_names\": [\"0\", \"1\"]",
                "\"class_names\": []").toString()), "model.json has no class_names");
        assertRefused(CliRunner.run("evaluate", withInfo("scale", "\"input_scale\": 1.0", "\"input_scale\": 0")
                .toString()), "input_scale 0.0 (must be a finite number > 0)");
        assertRefused(CliRunner.run("evaluate", withInfo("shape", "\"input_shape\": [2]", "\"input_shape\": [-2]")
                .toString()), "input_shape [-2] with a dimension below 1");
        assertRefused(CliRunner.run("evaluate", withInfo("width", "\"input_shape\": [2]", "\"input_shape\": [3]")
                .toString()), "model.json has 2 feature_names for input_shape [3]");
        // without feature names (an image model's, or one written before they were kept) W1 still tells
        Path unnamed = withInfo("unnamed", "\"input_shape\": [2]", "\"input_shape\": [3]");
        String info = Files.readString(unnamed.resolve("model.json"));
        Files.writeString(unnamed.resolve("model.json"), info.replaceAll(",\\s*\"feature_names\": \\[[^\\]]*\\]", ""));
        assertRefused(CliRunner.run("evaluate", unnamed.toString()), "says examples have shape [3] (3 values) but W1"
                + " takes 2");
    }

    @Test
    void deeplyNestedJsonIsRefusedAsDamagedNotAStackOverflow() throws IOException {
        Path bad = copyOfRun("nested");
        Files.writeString(bad.resolve("model.json"), "{\"class_names\": " + "[".repeat(100_000));
        assertRefused(CliRunner.run("evaluate", bad.toString()), "model.json", "not valid JSON for Strata");
    }

    @Test
    void evaluatingOnDataOfAnotherWidthIsRefused() throws IOException {
        Path other = BadInput.tinyProject(tmp.resolve("wide"), TINY_SPEC);
        BadInput.write(tmp.resolve("wide"), "train.csv", "a,b,c,label\n1,2,3,0\n4,5,6,1\n");
        BadInput.write(tmp.resolve("wide"), "test.csv", "a,b,c,label\n1,2,3,0\n4,5,6,1\n");
        assertRefused(CliRunner.run("evaluate", run.toString(), "--data", other.toString()),
                "has 3 features per example but the model in " + run + " takes 2");
    }

    @Test
    void aTruncatedImageIsRefused() throws IOException {
        Path cat = tmp.resolve("cat-run");
        CliRunner.Result trained = CliRunner.run("train", CliRunner.config("cat-logistic.yaml").toString(), "--out",
                cat.toString(), "--quiet", "--set", "training.iterations=1");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Path png = tmp.resolve("whole.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Path truncated = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(CliRunner.run("predict", cat.toString(), truncated.toString()),
                "cut.png could not be decoded as an image", "a complete PNG or JPEG image");
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedAndKept() throws IOException {
        Path half = tmp.resolve("resume");
        CliRunner.Result first = CliRunner.run("train", spec.toString(), "--out", half.toString(), "--quiet",
                "--set", "training.checkpoint_every=5");
        assertThat(first.exitCode()).as(first.err()).isZero();
        // a checkpoint from a run of 4 hidden units beside a config of 3
        Path other = tmp.resolve("four");
        CliRunner.Result wider = CliRunner.run("train", spec.toString(), "--out", other.toString(), "--quiet",
                "--set", "model.layers[0].units=4");
        assertThat(wider.exitCode()).as(wider.err()).isZero();
        Files.delete(half.resolve("report.json"));
        dev.strata.io.AtomicFiles.writeBytes(half.resolve("checkpoint.npz"), checkpointOf(other));
        assertRefused(CliRunner.run("train", "--resume", half.toString()), "the checkpoint does not fit");
        assertThat(half.resolve("checkpoint.npz")).as("kept").exists();
    }

    /** A checkpoint written by hand from a finished run's model (as a run of that shape would write it). */
    private static byte[] checkpointOf(Path finished) throws IOException {
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        Npz.read(finished.resolve("model.npz")).forEach((k, v) -> arrays.put("param." + k, v));
        double[] key = new double[624];
        arrays.put("state.rng_key", NumpyArray.vector(key));
        arrays.put("state.scalars", NumpyArray.vector(5, 5, 624, 0, 0));
        arrays.put("state.costs", NumpyArray.matrix(0, 3, new double[0]));
        Path file = tmp.resolve("hand.npz");
        Npz.write(file, arrays);
        return Files.readAllBytes(file);
    }
}
