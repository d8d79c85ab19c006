package dev.strata.engine;

/**
 * The network's outputs for a data set, computed by the training loop's own forward pass (so
 * predictions equal what training saw) in chunks of examples, to bound the memory it takes: at most
 * 4,096 examples or about 32 MB of inputs at a time.
 */
public final class Inference {
    private static final int CHUNK = 4096;
    private static final int CHUNK_VALUES = 1 << 22;

    private final Network network;
    private final StepMath math;
    private final Dense[] x = new Dense[2];
    private double[] stage = new double[0];

    /** A forward pass over {@code network}'s live parameters whose buffers are kept from call to call (e.g. every epoch's validation). */
    public Inference(Network network) {
        this.network = network;
        this.math = new StepMath(network, null, false, Regularization.lossL2(0, network.depth()),
                new FirstLayer.Direct(network.layers().get(0)));
    }

    /** The output layer's activations for every example: outputs × examples, in column order. */
    public static double[] outputs(Network network, Inputs data) {
        return new Inference(network).outputs(data);
    }

    /** As {@link #outputs(Network, Inputs)}, reusing this pass's buffers where the data's width and count allow. */
    public double[] outputs(Inputs data) {
        if (data.width() != network.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.width() + " features per example but the model"
                    + " takes " + network.inputSize());
        }
        int outputs = network.outputUnits();
        int count = data.count();
        double[] out = new double[outputs * count];
        int chunk = Math.max(1, Math.min(CHUNK, CHUNK_VALUES / data.width()));
        if (stage.length < chunk * data.width()) {
            stage = new double[chunk * data.width()];
        }
        for (int begin = 0; begin < count; begin += chunk) {
            int end = Math.min(count, begin + chunk);
            Workspace ws = math.workspace(end - begin);
            int k = end - begin == chunk ? 0 : 1;
            if (x[k] == null || x[k].columns() != end - begin) {
                x[k] = Dense.zeros(network.precision(), data.width(), end - begin, 'f');
            }
            data.fill(begin, end, x[k], stage);
            math.forward(x[k], ws);
            System.arraycopy(ws.ah[network.depth()], 0, out, begin * outputs, (end - begin) * outputs);
        }
        return out;
    }
}
