package dev.strata.spi;

/**
 * Natural logarithm rounded correctly to the nearest double, computed in double-double arithmetic.
 * numpy's Gaussian draws call the C library's {@code log}, which is (almost always) correctly
 * rounded on Linux; Java's {@code Math.log} and {@code StrictMath.log} are only within one ulp, and
 * one ulp in a single draw would break bit-for-bit parity with numpy.
 */
final class CorrectlyRoundedLog {
    private static final double SQRT2 = 1.4142135623730951;
    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;

    private CorrectlyRoundedLog() {
    }

    /** log(x) for positive, finite, normal x. */
    static double log(double x) {
        if (!(x > 0) || Double.isInfinite(x) || x < Double.MIN_NORMAL) {
            return StrictMath.log(x);
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > SQRT2) {
            m *= 0.5;
            e++;
        }
        // log(m) = 2 atanh(s), s = (m - 1) / (m + 1); |s| <= 0.172, so the series converges fast.
        double num = m - 1.0; // exact: m is within a factor of 2 of 1
        double denHi = m + 1.0;
        double denLo = (m - (denHi - 1.0)) + (1.0 - (denHi - (denHi - 1.0)));
        double q1 = num / denHi;
        // remainder num - q1 * (denHi + denLo), exactly enough for a second quotient term
        double p = q1 * denHi;
        double pErr = Math.fma(q1, denHi, -p);
        double r = ((num - p) - pErr) - q1 * denLo;
        double q2 = r / denHi;
        double sHi = q1 + q2;
        double sLo = q2 - (sHi - q1);

        // s² in double-double
        double s2Hi = sHi * sHi;
        double s2Lo = Math.fma(sHi, sHi, -s2Hi) + 2 * sHi * sLo;
        double s2 = s2Hi + s2Lo;
        double s2l = s2Lo - (s2 - s2Hi);

        // sum_{k>=0} s^(2k+1) / (2k+1), accumulated in double-double
        double termHi = sHi;
        double termLo = sLo;
        double sumHi = sHi;
        double sumLo = sLo;
        for (int k = 3; k < 80; k += 2) {
            // term *= s²
            double tHi = termHi * s2;
            double tLo = Math.fma(termHi, s2, -tHi) + termHi * s2l + termLo * s2;
            termHi = tHi + tLo;
            termLo = tLo - (termHi - tHi);
            double addHi = termHi / k;
            double addLo = (Math.fma(-addHi, k, termHi) + termLo) / k;
            if (Math.abs(addHi) < Math.abs(sumHi) * 1e-34) {
                break;
            }
            double t = sumHi + addHi;
            double bv = t - sumHi;
            double err = (sumHi - (t - bv)) + (addHi - bv);
            sumLo += err + addLo;
            sumHi = t + sumLo;
            sumLo = sumLo - (sumHi - t);
        }
        // 2 * sum + e * ln2
        double aHi = 2 * sumHi;
        double aLo = 2 * sumLo;
        double bHi = e * LN2_HI;
        double bLo = Math.fma(e, LN2_HI, -bHi) + e * LN2_LO;
        double t = aHi + bHi;
        double bv = t - aHi;
        double err = (aHi - (t - bv)) + (bHi - bv);
        return t + (err + aLo + bLo);
    }
}
