package dev.strata.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParamSpecTest {
    @Test
    void aBoundJustBelowAWholeNumberReadsAsThatNumberExcluded() {
        assertThat(ParamSpec.between("beta", 0.9, 0, Math.nextDown(1.0), "").rangeText()).isEqualTo("in [0, 1)");
        assertThat(ParamSpec.between("p", 0.5, 0, 1, "").rangeText()).isEqualTo("in [0, 1]");
        assertThat(ParamSpec.between("x", 0.5, 0, 0.75, "").rangeText()).isEqualTo("in [0, 0.75]");
    }
}
