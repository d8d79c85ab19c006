package dev.strata.cli;

import java.util.Locale;

/** Numbers as the console prints them for people: rounded, never in Java's {@code 4.97E-4} notation. */
final class Numbers {
    private Numbers() {
    }

    /**
     * A cost to six significant digits ({@code 0.693147}, {@code 0.000497301}); tiny or huge values
     * in scientific notation with an ordinary exponent ({@code 2.95153e-13}). report.json keeps
     * every digit.
     */
    static String cost(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (value != 0 && (magnitude < 1e-4 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.5e", value).replaceFirst("\\.?0+e", "e").replace("e-0", "e-")
                    .replace("e+0", "e+");
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    /** A speed: whole numbers above 100, one decimal below. */
    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }
}
