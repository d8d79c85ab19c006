package dev.strata.engine;

/**
 * The network's outputs for a data set, computed by the training loop's own forward pass (so
 * predictions equal what training saw) in chunks of examples, to bound the memory it takes: at most
 * 4,096 examples or about 32 MB of inputs at a time.
 */
public final class Inference {
    private static final int CHUNK = 4096;
    private static final int CHUNK_VALUES = 1 << 22;

    private Inference() {
    }

    /** The output layer's activations for every example: outputs × examples, in column order. */
    public static double[] outputs(Network network, Inputs data) {
        if (data.width() != network.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.width() + " features per example but the model"
                    + " takes " + network.inputSize());
        }
        StepMath math = new StepMath(network, null, false, Regularization.lossL2(0, network.depth()), new FirstLayer.Direct(network.layers().get(0)));
        int outputs = network.outputUnits();
        int count = data.count();
        double[] out = new double[outputs * count];
        int chunk = Math.max(1, Math.min(CHUNK, CHUNK_VALUES / data.width()));
        double[] stage = new double[chunk * data.width()];
        Dense[] x = new Dense[2];
        for (int begin = 0; begin < count; begin += chunk) {
            int end = Math.min(count, begin + chunk);
            Workspace ws = math.workspace(end - begin);
            int k = end - begin == chunk ? 0 : 1;
            if (x[k] == null) {
                x[k] = Dense.zeros(network.precision(), data.width(), end - begin, 'f');
            }
            data.fill(begin, end, x[k], stage);
            math.forward(x[k], ws);
            System.arraycopy(ws.ah[network.depth()], 0, out, begin * outputs, (end - begin) * outputs);
        }
        return out;
    }
}
