package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheCostCurveAsAn800x500Png() throws IOException {
        List<Integer> iterations = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i <= 2400; i += 100) {
            iterations.add(i);
            costs.add(0.7 * Math.exp(-i / 800.0) + 0.05);
        }
        Path png = dir.resolve("plots/cost.png");

        Charts.costCurve(iterations, costs, "Learning rate = 0.0075", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(distinctColours(image)).as("a drawn chart, not a blank canvas").isGreaterThan(3);
    }

    @Test
    void drawsAScatterOfSweepResults() throws IOException {
        Path png = dir.resolve("sweep.png");

        Charts.scatter("test accuracy per optimizer", "optimizer (0 = gd, 1 = momentum, 2 = adam)", "test accuracy",
                List.of(0.0, 1.0, 2.0), List.of(0.72, 0.78, 0.8), png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void plotsTheFinitePartOfADivergedRun() throws IOException {
        Path png = dir.resolve("diverged.png");

        Charts.costCurve(List.of(0, 100, 200, 300), List.of(0.7, 0.9, Double.NaN, Double.POSITIVE_INFINITY),
                "learning rate = 10", png);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
    }

    @Test
    void tellsWhatToInstallWhenJavaFindsNoFonts() {
        RuntimeException missingFonts = Charts.Headless.translate(new InternalError("Fontconfig head is null"));
        IllegalStateException unrelated = new IllegalStateException("bug");

        assertThat(missingFonts).isInstanceOf(dev.strata.spi.StrataException.class)
                .hasMessageContaining("apt-get install fontconfig fonts-dejavu-core");
        assertThat(Charts.Headless.translate(unrelated)).isSameAs(unrelated);
    }

    @Test
    void refusesMismatchedOrEmptySeries() {
        assertThatThrownBy(() -> Charts.costCurve(List.of(0, 100), List.of(0.7), "t", dir.resolve("c.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 iterations but 1 costs");
        assertThatThrownBy(() -> Charts.costCurve(List.of(), List.of(), "t", dir.resolve("c.png")))
                .hasMessageContaining("nothing to plot");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
