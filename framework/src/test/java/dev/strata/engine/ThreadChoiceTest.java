package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadChoiceTest {
    @Test
    void smallProductsUseOneThreadWhateverTheMachine() {
        assertThat(ThreadChoice.choose(64L * 64 * 32, 8, 0.0)).isEqualTo(1);
        assertThat(ThreadChoice.choose(ThreadChoice.SHARED_PRODUCT - 1, 2, 0.0)).isEqualTo(1);
    }

    @Test
    void largeProductsUseTheCoresOtherProgramsLeaveFree() {
        long large = 20L * 12288 * 209;
        assertThat(ThreadChoice.choose(large, 2, 0.3)).isEqualTo(2);
        assertThat(ThreadChoice.choose(large, 2, 1.0)).isEqualTo(2);
        assertThat(ThreadChoice.choose(large, 2, 2.5)).isEqualTo(1);
        assertThat(ThreadChoice.choose(large, 2, 6.0)).isEqualTo(1);
        assertThat(ThreadChoice.choose(large, 8, 3.0)).isEqualTo(6);
        assertThat(ThreadChoice.choose(large, 2, -1)).as("load unknown").isEqualTo(2);
        assertThat(ThreadChoice.choose(large, 1, 0.0)).isEqualTo(1);
    }

    @Test
    void aFirstLayerInItsGramFormStepsWithOneThreadForItsSmallProducts() {
        Network cat = Engines.trainer(Engines.spec("cat-deep.yaml"), false).network();
        // per step 20 x 209 x 209 multiply-adds instead of 20 x 12288 x 209, whatever the machine's load
        assertThat(ThreadChoice.forRun(cat, 209, true)).isEqualTo(1);
    }
}
