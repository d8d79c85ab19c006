package dev.strata.engine;

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
 * Values crossing between the engine's Java arrays and native memory ({@link NativeBuffer}), the
 * way every product's inputs and outputs do: 4,096 values (the small net's first weight matrix) in
 * float64 (one bulk copy) and float32 (rounded and converted, then one bulk copy). Divide by 4,096
 * for the cost of one value; the float32 figure less the float64 one is what the conversion adds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrossingBenchmark {
    private static final int VALUES = 4096;

    @Param({"float64", "float32"})
    public String dtype;

    private NativeBuffer buffer;
    private double[] values;

    @Setup
    public void setUp() {
        buffer = new NativeBuffer(dtype.equals("float64") ? Precision.FLOAT64 : Precision.FLOAT32, VALUES);
        values = new double[VALUES];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < VALUES; i++) {
            values[i] = random.nextGaussian();
        }
    }

    /** Java to native, rounding the Java copy too in float32 (as parameters are pushed). */
    @Benchmark
    public double[] write() {
        buffer.write(0, values, 0, VALUES, true);
        return values;
    }

    /** Native to Java (as products' outputs and gradients are read). */
    @Benchmark
    public double[] read() {
        buffer.read(0, values, 0, VALUES);
        return values;
    }
}
