package dev.strata.engine;

/**
 * The network's outputs for a data set, computed by the training loop's own forward pass (so
 * predictions equal what training saw) in chunks of examples, to bound the memory it takes.
 */
public final class Inference {
    private static final int CHUNK = 4096;

    private Inference() {
    }

    /** The output layer's activations for every example: outputs × examples, in column order. */
    public static double[] outputs(Network network, Inputs data) {
        if (data.width() != network.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.width() + " features per example but the model"
                    + " takes " + network.inputSize());
        }
        StepMath math = new StepMath(network, null, false, 0, new FirstLayer.Direct(network.layers().get(0)));
        int outputs = network.outputUnits();
        int count = data.count();
        double[] out = new double[outputs * count];
        for (int begin = 0; begin < count; begin += CHUNK) {
            int end = Math.min(count, begin + CHUNK);
            Workspace ws = math.workspace(end - begin);
            math.forward(data.x().columns(begin, end), ws);
            System.arraycopy(ws.ah[network.depth()], 0, out, begin * outputs, (end - begin) * outputs);
        }
        return out;
    }
}
