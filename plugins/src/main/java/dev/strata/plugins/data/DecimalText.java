package dev.strata.plugins.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Plain decimal numbers read straight from a CSV's bytes: numbers of at most 15 significant digits
 * and a small exponent are an exact integer times or over an exact power of ten, which rounds once
 * (Clinger's fast path); every other number goes to FastDoubleParser, which rounds correctly.
 */
final class DecimalText {
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private DecimalText() {
    }

    /** Bytes {@code [from, to)} of {@code buffer} as a plain decimal number, or NaN when they are not one. */
    static double parse(byte[] buffer, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = buffer[i] == '-';
        if (buffer[i] == '+' || negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int intDigits = 0;
        int fracDigits = 0;
        int exponent = 0;
        boolean dot = false;
        for (; i < to; i++) {
            byte b = buffer[i];
            if (b >= '0' && b <= '9') {
                if (digits > 0 || b != '0') {
                    digits++;
                }
                if (digits <= 18) {
                    mantissa = mantissa * 10 + (b - '0');
                    if (dot) {
                        exponent--;
                    }
                } else if (!dot) {
                    exponent++;
                }
                if (dot) {
                    fracDigits++;
                } else {
                    intDigits++;
                }
            } else if (b == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (i < to && (buffer[i] == 'e' || buffer[i] == 'E')) {
            i++;
            boolean negativeExponent = i < to && buffer[i] == '-';
            if (i < to && (buffer[i] == '+' || buffer[i] == '-')) {
                i++;
            }
            int e = 0;
            int expDigits = 0;
            for (; i < to && buffer[i] >= '0' && buffer[i] <= '9'; i++, expDigits++) {
                e = Math.min(e * 10 + (buffer[i] - '0'), 100_000);
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) {
            return Double.NaN;
        }
        double value;
        if (digits <= 15 && exponent >= -22 && exponent <= 22) {
            // Clinger: an integer below 2^53 times or over an exact power of ten rounds once
            value = exponent >= 0 ? mantissa * POWERS[exponent] : mantissa / POWERS[-exponent];
            return negative ? -value : value;
        }
        return JavaDoubleParser.parseDouble(buffer, from, to - from);
    }
}
