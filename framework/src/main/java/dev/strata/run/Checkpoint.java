package dev.strata.run;

import dev.strata.engine.CostPoint;
import dev.strata.io.Npz;
import dev.strata.random.NumpyRandom;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a run needs to continue exactly where it stopped: parameters, optimizer state, the
 * random stream's state, the steps and updates done, and the cost history. Stored as ONE numpy
 * archive written atomically, so a crash leaves either the previous checkpoint or the new one.
 *
 * @param stepsDone iterations (full batch) or epochs (minibatch) completed
 * @param engineState what the training engine keeps beyond parameters (the first layer's Gram
 *     form), empty for the direct form; a run resumed without it continues from the parameters
 */
public record Checkpoint(int stepsDone, long updates, NumpyRandom.State random, Map<String, INDArray> parameters,
        Map<String, INDArray> optimizerState, Map<String, INDArray> engineState, List<CostPoint> costs) {
    public static final String FILE = "checkpoint.npz";
    private static final String PARAM = "param.";
    private static final String OPTIMIZER = "optimizer.";
    private static final String ENGINE = "engine.";
    private static final String RNG_KEY = "state.rng_key";
    private static final String SCALARS = "state.scalars";
    private static final String COSTS = "state.costs";

    public void write(Path dir) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((k, v) -> arrays.put(PARAM + k, v));
        optimizerState.forEach((k, v) -> arrays.put(OPTIMIZER + k, v));
        engineState.forEach((k, v) -> arrays.put(ENGINE + k, v));
        double[] key = new double[random.key().length];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.key()[i] & 0xffffffffL;
        }
        arrays.put(RNG_KEY, Nd4j.createFromArray(key));
        arrays.put(SCALARS, Nd4j.createFromArray(new double[] {stepsDone, updates, random.pos(), random.hasGauss() ? 1 : 0,
            random.gauss()}));
        double[][] history = new double[Math.max(1, costs.size())][3];
        for (int i = 0; i < costs.size(); i++) {
            history[i] = new double[] {costs.get(i).iteration(), costs.get(i).epoch(), costs.get(i).cost()};
        }
        INDArray costArray = Nd4j.createFromArray(history);
        arrays.put(COSTS, costs.isEmpty() ? Nd4j.zeros(DataType.DOUBLE, 0, 3) : costArray);
        Files.createDirectories(dir);
        Npz.write(dir.resolve(FILE), arrays);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Checkpoint read(Path dir) {
        Path file = dir.resolve(FILE);
        Map<String, INDArray> arrays;
        try {
            arrays = Npz.read(file);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot read the checkpoint " + file + ": " + e.getMessage(),
                    "the checkpoint is damaged; start the run again without --resume", e);
        }
        if (!arrays.containsKey(RNG_KEY) || !arrays.containsKey(SCALARS) || !arrays.containsKey(COSTS)) {
            throw new BadInputException(file + " is not a Strata checkpoint (no " + SCALARS + ")",
                    "resume only run folders written by `strata train`");
        }
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        Map<String, INDArray> optimizer = new LinkedHashMap<>();
        Map<String, INDArray> engine = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(PARAM)) {
                parameters.put(k.substring(PARAM.length()), v);
            } else if (k.startsWith(OPTIMIZER)) {
                optimizer.put(k.substring(OPTIMIZER.length()), v);
            } else if (k.startsWith(ENGINE)) {
                engine.put(k.substring(ENGINE.length()), v);
            }
        });
        double[] keyValues = arrays.get(RNG_KEY).castTo(DataType.DOUBLE).data().asDouble();
        int[] key = new int[keyValues.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = (int) (long) keyValues[i];
        }
        double[] s = arrays.get(SCALARS).castTo(DataType.DOUBLE).data().asDouble();
        List<CostPoint> costs = new ArrayList<>();
        INDArray c = arrays.get(COSTS);
        if (c.length() > 0) {
            double[][] rows = c.castTo(DataType.DOUBLE).toDoubleMatrix();
            for (double[] row : rows) {
                costs.add(new CostPoint((long) row[0], (int) row[1], row[2]));
            }
        }
        return new Checkpoint((int) s[0], (long) s[1], new NumpyRandom.State(key, (int) s[2], s[3] != 0, s[4]), parameters,
                optimizer, engine, costs);
    }
}
