package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void costsAreRoundedToSixSignificantDigitsWithoutJavasExponentNotation() {
        assertThat(Numbers.cost(0.7717493284237686)).isEqualTo("0.771749");
        assertThat(Numbers.cost(4.973010841934119E-4)).isEqualTo("0.000497301");
        assertThat(Numbers.cost(2.951527910966853E-13)).isEqualTo("2.95153e-13");
        assertThat(Numbers.cost(1.0E-5)).isEqualTo("1e-5");
        assertThat(Numbers.cost(0.5)).isEqualTo("0.5");
        assertThat(Numbers.cost(0)).isEqualTo("0");
        assertThat(Numbers.cost(123456.789)).isEqualTo("123457");
        assertThat(Numbers.cost(3.2e7)).isEqualTo("3.2e+7");
        assertThat(Numbers.cost(Double.NaN)).isEqualTo("NaN");
    }
}
