package dev.strata.benchmark;

import dev.strata.engine.LayerMath;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * The products that dominate training the cat model, at its first layer's shapes: {@code W1 (20 ×
 * 12288) · X (12288 × 209)} forward and {@code dZ1 · Xᵀ} backward, with every array in one memory
 * order ('f' is what the engine uses, 'c' what a naive one gets) and dtype; X's order can also be
 * set on its own ({@code -p inputOrder=c}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LayerMathBenchmark {
    @Param({"f", "c"})
    public char order;

    @Param({"float64", "float32"})
    public String dtype;

    /**
     * The order of the input X alone: "same" as the other arrays, or 'f' / 'c' (X is read-only
     * during training, so an engine could keep it in whichever order its products prefer).
     */
    @Param({"same"})
    public String inputOrder;

    @Param({"20"})
    public int units;

    @Param({"12288"})
    public int features;

    @Param({"209"})
    public int examples;

    private INDArray x;
    private INDArray w;
    private INDArray b;
    private INDArray z;
    private INDArray dZ;
    private INDArray dW;
    private INDArray db;
    private INDArray dX;

    @Setup
    public void allocate() {
        DataType type = "float32".equals(dtype) ? DataType.FLOAT : DataType.DOUBLE;
        Nd4j.getRandom().setSeed(1);
        x = Nd4j.rand(type, features, examples).dup("same".equals(inputOrder) ? order : inputOrder.charAt(0));
        w = Nd4j.randn(type, units, features).dup(order);
        b = Nd4j.randn(type, units, 1).dup(order);
        dZ = Nd4j.randn(type, units, examples).dup(order);
        z = Nd4j.create(type, new long[] {units, examples}, order);
        dW = Nd4j.create(type, new long[] {units, features}, order);
        db = Nd4j.create(type, new long[] {units, 1}, order);
        dX = Nd4j.create(type, new long[] {features, examples}, order);
    }

    /** {@code Z := W · X + b}. */
    @Benchmark
    public INDArray linearForward() {
        LayerMath.linearForward(x, w, b, z);
        return z;
    }

    /** {@code dW := dZ · Xᵀ / m}, {@code db}: the first layer's backward pass as the engine runs it. */
    @Benchmark
    public INDArray linearBackward() {
        LayerMath.linearBackward(dZ, x, w, dW, db, null);
        return dW;
    }

    /** The same plus {@code Wᵀ · dZ}, the input gradient the seeds compute and training never uses. */
    @Benchmark
    public INDArray linearBackwardWithInputGradient() {
        LayerMath.linearBackward(dZ, x, w, dW, db, dX);
        return dX;
    }
}
