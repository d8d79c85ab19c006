package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user meets after a run went wrong, and inputs whose first message used to mislead: each
 * says where it is and how to go on.
 */
class StartingOverTest {
    @TempDir
    Path dir;

    @Test
    void aFolderLeftByARunKilledBeforeItsFirstCheckpointSaysHowToStartOver() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        Path half = Files.createDirectories(dir.resolve("half"));
        Files.copy(spec, half.resolve("config.yaml"));

        assertRefused(CliRunner.run("train", spec.toString(), "--out", half.toString()), "the run folder " + half
                + " already exists and is not empty (a run that stopped before it finished and before its first"
                + " checkpoint)", "remove " + half + " to start over in it");
        assertRefused(CliRunner.run("train", "--resume", half.toString()), "nothing to resume in " + half,
                "the run stopped before its first checkpoint", "strata train " + half.resolve("config.yaml")
                        + " --out NEW_FOLDER");
    }

    @Test
    void anOutUnderAFileIsBadInput() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertRefused(CliRunner.run("train", spec.toString(), "--out", file.resolve("run").toString()),
                "--out " + file.resolve("run") + ": " + file + " is a file, not a folder");
    }

    @Test
    void tabIndentationGetsTheSpacesHint() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("seed: 1", "\tseed: 1"));
        assertRefused(train(spec), "indent with spaces, not tabs");
    }

    @Test
    void aCostThatIsInfiniteBeforeAnyUpdateDoesNotBlameTheLearningRate() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        BadInput.write(dir, "train.csv", "a,b,label\n1e300,1e300,0\n1e300,1e300,1\n-1e300,1e300,0\n");
        CliRunner.Result result = train(spec);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).contains("training cannot start: the cost is Infinity at iteration 0, before any"
                + " update", "the learning rate is not the cause", "standardize").doesNotContain("too high", "\tat ");
    }

    @Test
    void anImageDeclaringHugeDimensionsIsRefusedBeforeItIsDecoded() throws Exception {
        Path spec = tinyProject(dir, TINY_SPEC);
        Path png = dir.resolve("big.png");
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        byte[] row = new byte[1 + 20000 * 3];
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat, deflater)) {
            for (int i = 0; i < 200; i++) {
                z.write(row);
            }
        }
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(file, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(20000).putInt(20000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(file, "IDAT", idat.toByteArray());
        chunk(file, "IEND", new byte[0]);
        Files.write(png, file.toByteArray());
        CliRunner.Result trained = CliRunner.run("train", CliRunner.config("cat-logistic.yaml").toString(), "--out",
                dir.resolve("cat").toString(), "--quiet", "--set", "training.iterations=2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertRefused(CliRunner.run("predict", dir.resolve("cat").toString(), png.toString()),
                png + " is 20000 x 20000 pixels, more than the 40 million this reads", "downscale it first");
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
