package dev.strata.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * PNG bytes of a chart: 8-bit RGB, every row with the "Sub" filter, deflated at level 3. The JDK's
 * ImageIO writer tries all five filters on every row at a high level and took half of each chart's
 * time (a run's report, a sweep's summary): on a cost curve 17.5 ms against 5.3 ms here, for a file
 * 18% larger (91 KB against 77 KB). Charts are flat colours, for which Sub alone does well.
 */
final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int LEVEL = 3;

    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int type = image.getType();
        int[] pixels = type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB
                ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
        int[] row = pixels == null ? new int[width] : null;
        ByteArrayOutputStream data = new ByteArrayOutputStream(width * height / 4 + 1024);
        Deflater deflater = new Deflater(LEVEL);
        try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
            byte[] line = new byte[1 + 3 * width];
            line[0] = 1;
            for (int y = 0; y < height; y++) {
                int[] source = pixels;
                int at = y * width;
                if (source == null) {
                    image.getRGB(0, y, width, 1, row, 0, width);
                    source = row;
                    at = 0;
                }
                int r0 = 0;
                int g0 = 0;
                int b0 = 0;
                for (int x = 0, k = 1; x < width; x++, k += 3) {
                    int p = source[at + x];
                    int r = (p >> 16) & 0xff;
                    int g = (p >> 8) & 0xff;
                    int b = p & 0xff;
                    line[k] = (byte) (r - r0);
                    line[k + 1] = (byte) (g - g0);
                    line[k + 2] = (byte) (b - b0);
                    r0 = r;
                    g0 = g;
                    b0 = b;
                }
                z.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.size() + 64);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = 2;
        chunk(out, "IHDR", header);
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) {
        byte[] length = new byte[4];
        putInt(length, 0, body.length);
        out.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] into, int at, int value) {
        into[at] = (byte) (value >>> 24);
        into[at + 1] = (byte) (value >>> 16);
        into[at + 2] = (byte) (value >>> 8);
        into[at + 3] = (byte) value;
    }
}
