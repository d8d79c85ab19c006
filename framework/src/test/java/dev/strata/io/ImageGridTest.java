package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    @Test
    void drawsEachImageScaledUpTwiceUnderItsTitle() throws IOException {
        List<GridImage> images = List.of(
                image(11, "predicted: cat\nactual: non-cat"),
                image(57, "predicted: non-cat\nactual: cat"),
                image(203, "predicted: cat / actual: non-cat"));
        Path png = dir.resolve("mislabeled.png");

        ImageGrid.write(images, 2, png);

        BufferedImage grid = ImageIO.read(png.toFile());
        int cellWidth = 64 * 2 + 2 * ImageGrid.PADDING;
        assertThat(grid.getWidth()).isEqualTo(2 * cellWidth);
        assertThat(grid.getHeight()).isEqualTo(2 * ImageGrid.cellHeight(images));
        for (int i = 0; i < images.size(); i++) {
            int[] origin = ImageGrid.imageOrigin(images, 2, i);
            double[] rgb = images.get(i).rgbRowMajor();
            for (int[] p : new int[][] {{0, 0}, {5, 9}, {63, 63}, {40, 17}}) {
                int y = p[0];
                int x = p[1];
                int src = (y * 64 + x) * 3;
                int expected = (int) rgb[src] << 16 | (int) rgb[src + 1] << 8 | (int) rgb[src + 2];
                for (int d = 0; d < 4; d++) {
                    int actual = grid.getRGB(origin[0] + 2 * x + d % 2, origin[1] + 2 * y + d / 2) & 0xffffff;
                    assertThat(actual).as("image %d pixel (%d, %d)", i, y, x).isEqualTo(expected);
                }
            }
        }
        assertThat(hasDarkPixel(grid, 0, 0, cellWidth, ImageGrid.titleHeight())).as("title drawn").isTrue();
    }

    private static GridImage image(int seed, String title) {
        double[] rgb = new double[64 * 64 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i * 31 + seed) % 256;
        }
        return new GridImage(rgb, 64, 64, title);
    }

    private static boolean hasDarkPixel(BufferedImage image, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    return true;
                }
            }
        }
        return false;
    }
}
