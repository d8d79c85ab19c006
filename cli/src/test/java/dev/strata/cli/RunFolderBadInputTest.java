package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `predict`, `evaluate` and `train --resume` on run folders and images that cannot be used: exit 2. */
class RunFolderBadInputTest {
    @TempDir
    static Path tmp;
    static Path csvRun;
    static Path imageRun;
    static Path png;

    @BeforeAll
    static void trainTwoSmallModels() throws IOException {
        Path spec = BadInput.tinyProject(tmp.resolve("csv"), TINY_SPEC);
        csvRun = tmp.resolve("csv-run");
        CliRunner.Result csv = CliRunner.run("train", spec.toString(), "--out", csvRun.toString(), "--quiet");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        imageRun = tmp.resolve("image-run");
        CliRunner.Result image = CliRunner.run("train", CliRunner.config("cat-logistic.yaml").toString(), "--out",
                imageRun.toString(), "--quiet", "--set", "training.iterations=1");
        assertThat(image.exitCode()).as(image.err()).isZero();
        png = tmp.resolve("photo.png");
        ImageIO.write(new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    }

    @Test
    void aRunFolderMissingItsModelIsNamedWithWhatIsMissing() throws IOException {
        Path copy = copyWithout(csvRun, tmp.resolve("no-model"), "model.npz");

        assertRefused(CliRunner.run("evaluate", copy.toString()), "run folder " + copy + " is missing model.npz",
                "config.yaml, model.npz and model.json");
        assertRefused(CliRunner.run("predict", copy.toString(), png.toString()), "is missing model.npz");
    }

    @Test
    void aRunFolderThatDoesNotExistIsNamed() {
        Path nowhere = tmp.resolve("nowhere");

        assertRefused(CliRunner.run("evaluate", nowhere.toString()), "run folder " + nowhere + " does not exist");
    }

    @Test
    void aDamagedModelArchiveIsReportedAsDamaged() throws IOException {
        Path copy = copyWithout(imageRun, tmp.resolve("damaged"), "model.npz");
        Files.writeString(copy.resolve("model.npz"), "not a zip");

        assertRefused(CliRunner.run("predict", copy.toString(), png.toString()), copy.resolve("model.npz") + " is not a readable .npz archive");
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedByName() throws IOException {
        Path fake = BadInput.write(tmp, "fake.png", "this is text, not pixels");

        assertRefused(CliRunner.run("predict", imageRun.toString(), fake.toString()), "fake.png", "PNG or JPEG");
    }

    @Test
    void aMissingImageIsNamed() {
        Path missing = tmp.resolve("missing.jpg");

        assertRefused(CliRunner.run("predict", imageRun.toString(), missing.toString()), "no such image file: " + missing);
    }

    @Test
    void anImageCannotBeFedToAModelTrainedOnCsvFeatures() {
        assertRefused(CliRunner.run("predict", csvRun.toString(), png.toString()),
                "the model in " + csvRun + " takes examples of shape [2], not RGB images",
                "predict images only with models trained on images");
    }

    @Test
    void resumingAFinishedRunSaysThereIsNothingToResume() {
        assertRefused(CliRunner.run("train", "--resume", csvRun.toString()),
                "nothing to resume in " + csvRun + ": it has no checkpoint.npz (the run already finished)");
    }

    private static Path copyWithout(Path from, Path to, String left) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(left)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }

    @Test
    void anOutThatIsTheRunsOwnFileOrTheCommandsInputIsRefusedAndLeftIntact() throws IOException {
        byte[] model = Files.readAllBytes(csvRun.resolve("model.npz"));
        assertRefused(CliRunner.run("evaluate", csvRun.toString(), "--out", csvRun.resolve("model.npz").toString()),
                "--out " + csvRun.resolve("model.npz") + " would overwrite the run's own model.npz",
                "write to another file, e.g. " + csvRun.resolve("predictions.csv"));
        assertRefused(CliRunner.run("predict", csvRun.toString(), "--data", tmp.resolve("csv/test.csv").toString(),
                "--out", csvRun.resolve("config.yaml").toString()), "would overwrite the run's own config.yaml");
        assertThat(csvRun.resolve("model.npz")).hasBinaryContent(model);

        Path data = tmp.resolve("csv/test.csv");
        String rows = Files.readString(data);
        assertRefused(CliRunner.run("predict", csvRun.toString(), "--data", data.toString(), "--out", data.toString()),
                "--out " + data + " is this command's input " + data + "; writing there would replace it");
        assertThat(data).hasContent(rows);
        // the data the run's spec evaluates on is an input too
        assertRefused(CliRunner.run("evaluate", csvRun.toString(), "--out", data.toString()),
                "is this command's input");
        assertThat(data).hasContent(rows);

        // a predictions file of the user's own in the run folder is theirs to rewrite
        Path own = csvRun.resolve("evaluated.csv");
        for (int i = 0; i < 2; i++) {
            CliRunner.Result again = CliRunner.run("evaluate", csvRun.toString(), "--out", own.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
        }
    }
}
