package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Initializer;
import dev.strata.spi.InitializerFactory;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.Params;
import java.util.List;
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

    @Test
    void onlyTheFirstLayerStepsInTheGramFormEvenWhenALaterOneHasAsManyInputs() {
        PluginRegistry plugins = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);
        Activation relu = plugins.get(ActivationFactory.class, "relu").create(Params.empty());
        Initializer init = plugins.get(InitializerFactory.class, "lecun_normal").create(Params.empty());
        // 100 inputs, then 100 units: the second layer's fan-in equals the input size
        Network net = Network.initialize(100, List.of(new Network.LayerPlan(100, "relu", relu, init),
                new Network.LayerPlan(500, "relu", relu, init)), new NumpyRandom(1), Precision.FLOAT64);
        assertThat(ThreadChoice.largestProduct(net, 50, true)).isEqualTo(500L * 100 * 50);
        assertThat(ThreadChoice.largestProduct(net, 50, false)).isEqualTo(500L * 100 * 50);
        assertThat(ThreadChoice.largestProduct(Engines.trainer(Engines.spec("cat-deep.yaml"), false).network(), 209,
                true)).isEqualTo(20L * 209 * 209);
    }
}
