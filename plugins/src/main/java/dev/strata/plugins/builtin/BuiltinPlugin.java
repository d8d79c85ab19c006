package dev.strata.plugins.builtin;

import dev.strata.plugins.search.TpeStrategyFactory;
import dev.strata.plugins.sweep.LocalExecutorFactory;
import dev.strata.spi.PluginModule;

/**
 * The built-in activations, initializers, optimizers, learning-rate schedules, losses and the local sweep executor. Registered
 * through {@code META-INF/services/dev.strata.spi.StrataPlugin} and found exactly like a third-party
 * jar; like one, it sees only the SPI.
 */
public final class BuiltinPlugin extends PluginModule {
    @Override
    protected void configure() {
        register(Activations.SIGMOID, Activations.RELU, Activations.TANH, Activations.LEAKY_RELU, Activations.LINEAR,
                Softmax.FACTORY);
        register(new ZerosFactory(), new NormalFactory(), new LecunNormalFactory(), new HeNormalFactory(),
                new GlorotNormalFactory(), new GlorotUniformFactory());
        register(Optimizers.GRADIENT_DESCENT, Optimizers.MOMENTUM, Optimizers.RMSPROP, Optimizers.ADAM);
        register(new Losses.BinaryCrossEntropyFactory(), new Losses.CategoricalCrossEntropyFactory(),
                new Losses.MeanSquaredErrorFactory());
        register(Schedules.CONSTANT, Schedules.STEP, Schedules.EXPONENTIAL, Schedules.COSINE, Schedules.INVERSE_TIME);
        register(new LocalExecutorFactory());
        register(new TpeStrategyFactory());
    }
}
