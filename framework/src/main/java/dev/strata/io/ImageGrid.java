package dev.strata.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grid of small images with a title above each (e.g. the mislabelled test images with
 * "predicted: cat" / "actual: non-cat"), as the notebook's {@code print_mislabeled_images} shows them.
 * Each image is scaled up {@value #SCALE}× by pixel replication so 64×64 inputs stay readable.
 * Titles take up to two lines ({@code \n}, or a one-line title is broken at {@code " / "}); a line
 * too wide for its cell is drawn in a smaller font.
 */
public final class ImageGrid {
    static final int SCALE = 2;
    static final int PADDING = 8;
    static final int TITLE_LINE_HEIGHT = 15;
    static final int TITLE_LINES = 2;
    private static final int FONT_SIZE = 12;
    private static final int MIN_FONT_SIZE = 7;

    private ImageGrid() {
    }

    /** Draws {@code images} row by row, {@code columns} per row, and writes the PNG atomically. */
    public static void write(List<GridImage> images, int columns, Path png) throws IOException {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to draw");
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive: " + columns);
        }
        Charts.Headless.ensure();
        BufferedImage grid;
        try {
            grid = draw(images, columns);
        } catch (RuntimeException | Error e) {
            throw Charts.Headless.translate(e);
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    static int cellWidth(List<GridImage> images) {
        return images.stream().mapToInt(GridImage::width).max().orElseThrow() * SCALE + 2 * PADDING;
    }

    static int cellHeight(List<GridImage> images) {
        return titleHeight() + images.stream().mapToInt(GridImage::height).max().orElseThrow() * SCALE + PADDING;
    }

    static int titleHeight() {
        return PADDING + TITLE_LINES * TITLE_LINE_HEIGHT;
    }

    /** Where the top-left pixel of image {@code index} lands. */
    static int[] imageOrigin(List<GridImage> images, int columns, int index) {
        return new int[] {(index % columns) * cellWidth(images) + PADDING,
            (index / columns) * cellHeight(images) + titleHeight()};
    }

    private static BufferedImage draw(List<GridImage> images, int columns) {
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + columns - 1) / columns;
        int cellWidth = cellWidth(images);
        BufferedImage grid = new BufferedImage(cols * cellWidth, rows * cellHeight(images), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            for (int i = 0; i < images.size(); i++) {
                GridImage image = images.get(i);
                int[] origin = imageOrigin(images, columns, i);
                drawTitle(g, image.title(), origin[0] - PADDING, cellWidth, origin[1] - TITLE_LINES * TITLE_LINE_HEIGHT);
                paint(grid, image, origin[0], origin[1]);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    private static void drawTitle(Graphics2D g, String title, int cellX, int cellWidth, int top) {
        // A one-line "predicted: x / actual: y" reads better on two lines than shrunk to fit.
        String text = title.contains("\n") ? title : title.replace(" / ", "\n");
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < Math.min(lines.length, TITLE_LINES); l++) {
            String line = lines[l];
            // Shrink a long title until it fits its cell rather than spilling into the neighbour's.
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);
            FontMetrics metrics = g.getFontMetrics(font);
            while (metrics.stringWidth(line) > cellWidth - 2 && font.getSize() > MIN_FONT_SIZE) {
                font = font.deriveFont((float) font.getSize() - 1);
                metrics = g.getFontMetrics(font);
            }
            g.setFont(font);
            int x = cellX + Math.max(1, (cellWidth - metrics.stringWidth(line)) / 2);
            g.drawString(line, x, top + l * TITLE_LINE_HEIGHT + metrics.getAscent());
        }
    }

    private static void paint(BufferedImage grid, GridImage image, int x0, int y0) {
        double[] rgb = image.rgbRowMajor();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                int pixel = channel(rgb[i]) << 16 | channel(rgb[i + 1]) << 8 | channel(rgb[i + 2]);
                for (int dy = 0; dy < SCALE; dy++) {
                    for (int dx = 0; dx < SCALE; dx++) {
                        grid.setRGB(x0 + x * SCALE + dx, y0 + y * SCALE + dy, pixel);
                    }
                }
            }
        }
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
