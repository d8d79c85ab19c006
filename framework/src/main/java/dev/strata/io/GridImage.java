package dev.strata.io;

/**
 * One RGB image for {@link ImageGrid}, with the title drawn above it.
 *
 * @param rgbRowMajor {@code height × width × 3} values in 0..255 (row-major, channels last, as the
 *     cat data set stores an example)
 * @param title one or more lines separated by {@code \n}
 */
public record GridImage(double[] rgbRowMajor, int height, int width, String title) {
    public GridImage {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
        }
        if (rgbRowMajor.length != height * width * 3) {
            throw new IllegalArgumentException(rgbRowMajor.length + " values for a " + height + "x" + width
                    + " RGB image (expected " + height * width * 3 + ")");
        }
        title = title == null ? "" : title;
    }
}
