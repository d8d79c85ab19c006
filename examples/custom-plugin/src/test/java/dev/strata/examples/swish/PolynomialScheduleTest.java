package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strata.spi.LearningRateSchedule;
import dev.strata.spi.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras' PolynomialDecay, from learning_rate at epoch 0 to end at the last. */
class PolynomialScheduleTest {
    @Test
    void fallsFromTheBaseRateToItsEndAlongThePower() {
        LearningRateSchedule schedule = SwishPlugin.POLYNOMIAL.create(Params.of(Map.of("end", 0.01, "power", 2.0)));
        assertThat(schedule.rate(0.1, 0, 10)).isCloseTo(0.1, within(1e-15));
        // (0.1 - 0.01) * (1 - 5/10)^2 + 0.01
        assertThat(schedule.rate(0.1, 5, 10)).isCloseTo(0.0325, within(1e-15));
        assertThat(schedule.rate(0.1, 10, 10)).isCloseTo(0.01, within(1e-15));
    }
}
