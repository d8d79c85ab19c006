package dev.strata.plugins.builtin;

import dev.strata.spi.PluginModule;

/**
 * The built-in activations, initializers, optimizers, losses and the local sweep executor. Registered through
 * {@code META-INF/services/dev.strata.spi.StrataPlugin} and found exactly like a third-party jar.
 */
public final class BuiltinPlugin extends PluginModule {
    @Override
    protected void configure() {
        activation(new SigmoidFactory());
        activation(new ReluFactory());
        activation(new TanhFactory());
        activation(new LeakyReluFactory());
        activation(new LinearFactory());
        activation(new SoftmaxFactory());

        initializer(new ZerosFactory());
        initializer(new NormalFactory());
        initializer(new LecunNormalFactory());
        initializer(new HeNormalFactory());
        initializer(new GlorotNormalFactory());
        initializer(new GlorotUniformFactory());

        optimizer(new GradientDescentFactory());
        optimizer(new MomentumFactory());
        optimizer(new RmsPropFactory());
        optimizer(new AdamFactory());

        loss(new BinaryCrossEntropyFactory());
        loss(new CategoricalCrossEntropyFactory());
        loss(new MeanSquaredErrorFactory());

        sweepExecutor(new dev.strata.plugins.sweep.LocalExecutorFactory());
    }
}
