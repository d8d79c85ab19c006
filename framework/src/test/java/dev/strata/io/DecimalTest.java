package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalTest {
    @Test
    void numbersReadAsAPersonWritesThemNotInJavasENotation() {
        assertThat(Decimal.text(2e-5)).isEqualTo("2e-5");
        assertThat(Decimal.text(1e-8)).isEqualTo("1e-8");
        assertThat(Decimal.text(2.5e-5)).isEqualTo("2.5e-5");
        assertThat(Decimal.text(1.5e20)).isEqualTo("1.5e20");
        assertThat(Decimal.text(0.999)).isEqualTo("0.999");
        assertThat(Decimal.text(0.0075)).isEqualTo("0.0075");
        assertThat(Decimal.text(64)).isEqualTo("64");
        assertThat(Decimal.text(-3)).isEqualTo("-3");
        assertThat(Double.parseDouble(Decimal.text(2.5e-5))).isEqualTo(2.5e-5);
    }
}
