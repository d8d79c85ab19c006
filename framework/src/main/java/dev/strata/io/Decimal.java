package dev.strata.io;

/** A number a person wrote (a learning rate, an epsilon), shown as written: {@code 0.999}, {@code 2e-5}, {@code 64}. */
public final class Decimal {
    private Decimal() {
    }

    /**
     * Java's own digits for {@code v} (which read back as it), in plain notation where Java uses it, else
     * with an ordinary exponent ({@code 1e-8}, {@code 2.5e-5}) instead of Java's {@code 1.0E-8}.
     */
    public static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace(".0E", "E").replace('E', 'e');
    }
}
