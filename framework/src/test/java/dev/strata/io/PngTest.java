package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {
    @Test
    void imageIoReadsBackEveryPixelOfAnOpaqueImageOfAnyType() throws IOException {
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage image = new BufferedImage(131, 57, type);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 131, 57);
            g.setColor(new Color(30, 144, 255));
            g.drawLine(0, 56, 130, 3);
            g.setColor(new Color(250, 5, 128));
            g.fillOval(40, 10, 30, 30);
            g.dispose();

            BufferedImage read = ImageIO.read(new ByteArrayInputStream(Png.encode(image)));

            assertThat(read.getWidth()).isEqualTo(131);
            assertThat(read.getHeight()).isEqualTo(57);
            for (int y = 0; y < 57; y++) {
                for (int x = 0; x < 131; x++) {
                    assertThat(read.getRGB(x, y) & 0xffffff).as("pixel %d,%d of type %d", x, y, type)
                            .isEqualTo(image.getRGB(x, y) & 0xffffff);
                }
            }
        }
    }
}
