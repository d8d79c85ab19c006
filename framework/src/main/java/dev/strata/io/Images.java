package dev.strata.io;

import dev.strata.spi.BadInputException;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;

/**
 * Loads a picture as a network input, the way the notebook prepares "my_image.jpg": RGB,
 * resized to the training images' size, values 0..255.
 */
public final class Images {
    private Images() {
    }

    /**
     * Reads a PNG or JPEG and returns {@code height × width × 3} RGB values (row-major, channels
     * last, 0..255). Alpha is dropped (not blended), grayscale is copied to all three channels.
     * Resizing uses area averaging: each target pixel is the mean of the source area it covers,
     * weighted by overlap, which avoids the aliasing of nearest-neighbour when shrinking photos.
     * An image that already has the target size comes back unchanged.
     */
    public static double[] load(Path file, int height, int width) throws IOException {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target size must be positive: " + height + "x" + width);
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no such image file: " + file, "check the path");
        }
        if (Files.size(file) == 0) {
            throw new BadInputException(file + " is empty", "give a PNG or JPEG image");
        }
        requireFewerPixels(file);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IIOException | RuntimeException e) {
            throw new BadInputException(file.getFileName() + " could not be decoded as an image (" + e.getMessage() + ")",
                    "check that " + file + " is a complete PNG or JPEG image", e);
        }
        if (image == null) {
            throw new BadInputException(file.getFileName() + " is not a PNG or JPEG image", "give a PNG or JPEG image");
        }
        if (image.getWidth() == 0 || image.getHeight() == 0) {
            throw new BadInputException(file + " is an empty image (0 pixels)", "give a non-empty image");
        }
        double[] rgb = toRgb(image);
        return resize(rgb, image.getHeight(), image.getWidth(), height, width);
    }

    /**
     * Reads only the header's size and refuses more than {@link #MAX_PIXELS}: a small file can
     * declare a huge image (a 1.1 MB PNG of 20000 x 20000), whose decoded pixels (4 bytes each) and
     * their colour values (24 bytes each) would exhaust the heap before anything is predicted.
     */
    private static void requireFewerPixels(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return;
            }
            javax.imageio.ImageReader reader = readers.next();
            long width;
            long height;
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IIOException | RuntimeException e) {
                return; // a header the reader cannot parse: ImageIO.read reports it
            } finally {
                reader.dispose();
            }
            if (width * height > MAX_PIXELS) {
                throw new BadInputException(file + " is " + width + " x " + height + " pixels, more than the "
                        + MAX_PIXELS / 1_000_000 + " million this reads", "downscale it first (the model sees it at"
                        + " its input size anyway)");
            }
        }
    }

    /** The largest image read: 40 million pixels (a 7,700 x 5,200 photo), about 1.1 GB while it is resized. */
    public static final long MAX_PIXELS = 40_000_000L;

    static double[] toRgb(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        double[] rgb = new double[h * w * 3];
        Raster raster = image.getRaster();
        if (image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY) {
            // Read gray samples directly: getRGB would pass them through the linear-gray colour
            // space and change their values.
            int bits = image.getColorModel().getComponentSize(0);
            double scale = 255.0 / ((1 << bits) - 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = raster.getSample(x, y, 0) * scale;
                    int i = (y * w + x) * 3;
                    rgb[i] = v;
                    rgb[i + 1] = v;
                    rgb[i + 2] = v;
                }
            }
            return rgb;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int i = (y * w + x) * 3;
                rgb[i] = (argb >> 16) & 0xff;
                rgb[i + 1] = (argb >> 8) & 0xff;
                rgb[i + 2] = argb & 0xff;
            }
        }
        return rgb;
    }

    /** Area-averaging resize of an RGB image, one axis at a time. */
    static double[] resize(double[] rgb, int h, int w, int height, int width) {
        if (h == height && w == width) {
            return rgb;
        }
        double[] rows = new double[h * width * 3];
        Weights xWeights = Weights.of(w, width);
        for (int y = 0; y < h; y++) {
            for (int tx = 0; tx < width; tx++) {
                for (int k = xWeights.start[tx]; k < xWeights.end[tx]; k++) {
                    double weight = xWeights.weight[tx][k - xWeights.start[tx]];
                    for (int c = 0; c < 3; c++) {
                        rows[(y * width + tx) * 3 + c] += weight * rgb[(y * w + k) * 3 + c];
                    }
                }
            }
        }
        double[] out = new double[height * width * 3];
        Weights yWeights = Weights.of(h, height);
        for (int ty = 0; ty < height; ty++) {
            for (int k = yWeights.start[ty]; k < yWeights.end[ty]; k++) {
                double weight = yWeights.weight[ty][k - yWeights.start[ty]];
                for (int i = 0; i < width * 3; i++) {
                    out[ty * width * 3 + i] += weight * rows[k * width * 3 + i];
                }
            }
        }
        return out;
    }

    /** For each target index, the source pixels it covers and the share of each (summing to 1). */
    private record Weights(int[] start, int[] end, double[][] weight) {
        static Weights of(int source, int target) {
            int[] start = new int[target];
            int[] end = new int[target];
            double[][] weight = new double[target][];
            double ratio = (double) source / target;
            for (int t = 0; t < target; t++) {
                double from = t * ratio;
                double to = (t + 1) * ratio;
                start[t] = (int) Math.floor(from);
                end[t] = Math.min(source, (int) Math.ceil(to));
                weight[t] = new double[end[t] - start[t]];
                for (int s = start[t]; s < end[t]; s++) {
                    double overlap = Math.min(to, s + 1) - Math.max(from, s);
                    weight[t][s - start[t]] = overlap / ratio;
                }
            }
            return new Weights(start, end, weight);
        }
    }
}
