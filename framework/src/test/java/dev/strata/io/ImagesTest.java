package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.BadInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void returnsTheExactRgbValuesWhenNoResizeIsNeeded() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, r(x, y) << 16 | g(x, y) << 8 | b(x, y));
            }
        }
        Path png = write(image, "png", "cat.png");

        double[] rgb = Images.load(png, 64, 64);

        assertThat(rgb).hasSize(64 * 64 * 3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int i = (y * 64 + x) * 3;
                assertThat(new double[] {rgb[i], rgb[i + 1], rgb[i + 2]}).as("(%d, %d)", y, x)
                        .containsExactly(r(x, y), g(x, y), b(x, y));
            }
        }
    }

    @Test
    void dropsAlphaAndExpandsGrayscale() throws IOException {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x10203040);
        rgba.setRGB(1, 0, 0xff0a0b0c);
        BufferedImage gray = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 77);
        gray.getRaster().setSample(1, 0, 0, 200);

        assertThat(Images.load(write(rgba, "png", "rgba.png"), 1, 2)).containsExactly(0x20, 0x30, 0x40, 10, 11, 12);
        assertThat(Images.load(write(gray, "png", "gray.png"), 1, 2)).containsExactly(77, 77, 77, 200, 200, 200);
    }

    @Test
    void shrinksByAveragingTheAreaEachPixelCovers() throws IOException {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] reds = {0, 100, 200, 40, 10, 30, 50, 70};
        for (int i = 0; i < reds.length; i++) {
            image.setRGB(i % 4, i / 4, reds[i] << 16);
        }

        double[] rgb = Images.load(write(image, "png", "wide.png"), 1, 2);

        assertThat(rgb[0]).isCloseTo((0 + 100 + 10 + 30) / 4.0, within(1e-9));
        assertThat(rgb[3]).isCloseTo((200 + 40 + 50 + 70) / 4.0, within(1e-9));
        assertThat(rgb[1]).isZero();
    }

    @Test
    void resizesAJpegPhotoToTheTrainingSize() throws IOException {
        BufferedImage photo = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                photo.setRGB(x, y, 0x808080);
            }
        }

        double[] rgb = Images.load(write(photo, "jpg", "my_image.jpg"), 64, 64);

        assertThat(rgb).hasSize(64 * 64 * 3);
        assertThat(rgb[0]).isCloseTo(128, within(3.0));
        assertThat(rgb[rgb.length - 1]).isCloseTo(128, within(3.0));
    }

    @Test
    void reportsMissingEmptyAndNonImageFiles() throws IOException {
        Path text = dir.resolve("x.txt");
        Files.writeString(text, "hello");
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path truncated = dir.resolve("truncated.png");
        byte[] png = Files.readAllBytes(write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", "ok.png"));
        Files.write(truncated, java.util.Arrays.copyOf(png, 40));

        assertThatThrownBy(() -> Images.load(dir.resolve("nope.jpg"), 64, 64)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no such image file").hasMessageContaining("nope.jpg");
        assertThatThrownBy(() -> Images.load(text, 64, 64)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("x.txt is not a PNG or JPEG image");
        assertThatThrownBy(() -> Images.load(empty, 64, 64)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("empty.png is empty");
        assertThatThrownBy(() -> Images.load(truncated, 64, 64)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("truncated.png");
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    private static int r(int x, int y) {
        return (x * 4 + y) % 256;
    }

    private static int g(int x, int y) {
        return (y * 4 + 1) % 256;
    }

    private static int b(int x, int y) {
        return (x * y) % 256;
    }
}
