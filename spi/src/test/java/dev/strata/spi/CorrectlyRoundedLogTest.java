package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrectlyRoundedLogTest {

    @Test
    void agreesWithAHighPrecisionReferenceOnRandomArguments() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2000; i++) {
            double x = random.nextDouble();
            if (x == 0) {
                continue;
            }
            assertThat(CorrectlyRoundedLog.log(x)).as("log(%s)", x).isEqualTo(reference(x));
        }
    }

    @Test
    void isExactAtPowersOfTwoAndOne() {
        assertThat(CorrectlyRoundedLog.log(1.0)).isEqualTo(0.0);
        assertThat(CorrectlyRoundedLog.log(0.5)).isEqualTo(-0.6931471805599453);
        assertThat(CorrectlyRoundedLog.log(Math.E)).isEqualTo(StrictMath.log(Math.E));
    }

    /** log(x) to 40 digits via log(x) = log(m) + e ln 2 and Newton steps on exp, then rounded. */
    private static double reference(double x) {
        MathContext mc = new MathContext(50);
        BigDecimal bx = new BigDecimal(x);
        BigDecimal y = new BigDecimal(StrictMath.log(x));
        for (int i = 0; i < 3; i++) {
            // y <- y + x * exp(-y) - 1
            y = y.add(bx.multiply(exp(y.negate(), mc), mc).subtract(BigDecimal.ONE), mc);
        }
        return y.doubleValue();
    }

    private static BigDecimal exp(BigDecimal v, MathContext mc) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 200; k++) {
            term = term.multiply(v, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(new BigDecimal("1e-45")) < 0) {
                break;
            }
        }
        return sum;
    }
}
