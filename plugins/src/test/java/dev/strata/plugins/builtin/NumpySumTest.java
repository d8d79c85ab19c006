package dev.strata.plugins.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumpySumTest {
    /** np.sum(np.array([(-1)**i / (i + 1.0) for i in range(n)])), numpy 2.4; a plain loop differs for n ≥ 1000. */
    @ParameterizedTest
    @CsvSource({"5, 0.7833333333333332", "100, 0.6881721793101955", "1000, 0.6926474305598204",
        "1001, 0.6936464315588213"})
    void addsUpInNumpysPairwiseOrder(int n, double numpy) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i % 2 == 0 ? 1 : -1) / (i + 1.0);
        }

        assertThat(NumpySum.sum(values, n)).isEqualTo(numpy);
    }

    @Test
    void aPlainLoopWouldNotMatchForLongArrays() {
        double sequential = 0;
        for (int i = 0; i < 1000; i++) {
            sequential += (i % 2 == 0 ? 1 : -1) / (i + 1.0);
        }

        assertThat(sequential).isEqualTo(0.6926474305598223).isNotEqualTo(0.6926474305598204);
    }
}
