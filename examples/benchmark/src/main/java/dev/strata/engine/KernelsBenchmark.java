package dev.strata.engine;

import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spi.Activation;
import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Matrix;
import dev.strata.spi.Optimizer;
import dev.strata.spi.OptimizerFactory;
import dev.strata.spi.Params;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's fused elementwise passes and one optimizer update, at the shapes of the general
 * benchmark (a 64-unit layer on a batch of 32, the cat model's first layer on a batch of 64 and on
 * the full 209 examples). Values are normal draws, so signs are mixed as in training (a branch on
 * the sign would be mispredicted half the time, which the relu pass must not pay).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelsBenchmark {
    /** units x examples. */
    @Param({"64x32", "20x64", "20x209"})
    public String shape;

    @Param({"relu", "sigmoid", "tanh"})
    public String activation;

    private int units;
    private int examples;
    private Activation g;
    private double[] z;
    private double[] a;
    private double[] d;
    private double[] b;
    private double[] db;
    private Matrix zm;
    private Matrix am;
    private Matrix dm;
    private Optimizer adam;
    private double[] w;
    private double[] gradient;
    private double[][] state;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        units = Integer.parseInt(parts[0]);
        examples = Integer.parseInt(parts[1]);
        PluginRegistry plugins = StrataInjector.create(List.of()).getInstance(PluginRegistry.class);
        g = plugins.get(ActivationFactory.class, activation).create(Params.empty());
        OptimizerFactory rules = plugins.get(OptimizerFactory.class, "adam");
        adam = rules.create(Params.defaults(rules.parameters()));
        java.util.Random random = new java.util.Random(1);
        int n = units * examples;
        z = new double[n];
        a = new double[n];
        d = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian();
            d[i] = random.nextGaussian();
        }
        b = new double[units];
        db = new double[units];
        zm = new Matrix(units, examples, z);
        am = new Matrix(units, examples, a);
        dm = new Matrix(units, examples, d);
        // W1 of the small net (64 x 64) or of the cat model (20 x 12288)
        int weights = units == 64 ? 64 * 64 : units * 12288;
        w = new double[weights];
        gradient = new double[weights];
        for (int i = 0; i < weights; i++) {
            gradient[i] = 1e-3 * random.nextGaussian();
        }
        state = new double[2][weights];
        adam.beginUpdate(1);
    }

    @Benchmark
    public double[] biasAndActivate() {
        Kernels.biasAndActivate(z, b, g, a, units, examples, Precision.FLOAT64, zm, am, null);
        return a;
    }

    @Benchmark
    public double[] activationAndBiasGradient() {
        Kernels.activationAndBiasGradient(d, z, a, g, db, units, examples, Precision.FLOAT64, dm, zm, am);
        return db;
    }

    /** One Adam update of the layer's weight matrix, the loop the engine runs ({@link Updater}). */
    @Benchmark
    public double[] adamUpdate() {
        for (int i = 0; i < w.length; i++) {
            w[i] = adam.update(w[i], gradient[i], 1e-3, state, i);
        }
        return w;
    }
}
