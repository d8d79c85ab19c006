package dev.strata.run;

import dev.strata.engine.CostPoint;
import dev.strata.io.NumpyArray;
import dev.strata.io.Npz;
import dev.strata.spi.NumpyRandom;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to continue exactly where it stopped: parameters, optimizer state, the
 * random stream's state, the steps and updates done, and the cost history. Stored as ONE numpy
 * archive written atomically, so a crash leaves either the previous checkpoint or the new one.
 *
 * @param stepsDone iterations (full batch) or epochs (minibatch) completed
 * @param engineState what the training engine keeps beyond parameters (the first layer's Gram
 *     form), empty for the direct form; a run resumed without it continues from the parameters
 * @param monitorState the validation history and early-stopping state (empty without validation)
 * @param blasThreads the BLAS threads the run's products used (0: not recorded): OpenBLAS rounds a
 *     product's last bits differently with another count, so a resumed run uses the same one
 */
public record Checkpoint(int stepsDone, long updates, NumpyRandom.State random, Map<String, NumpyArray> parameters,
        Map<String, NumpyArray> optimizerState, Map<String, NumpyArray> engineState, List<CostPoint> costs,
        Map<String, NumpyArray> monitorState, int blasThreads) {
    public Checkpoint(int stepsDone, long updates, NumpyRandom.State random, Map<String, NumpyArray> parameters,
            Map<String, NumpyArray> optimizerState, Map<String, NumpyArray> engineState, List<CostPoint> costs) {
        this(stepsDone, updates, random, parameters, optimizerState, engineState, costs, Map.of(), 0);
    }

    public static final String FILE = "checkpoint.npz";
    private static final String PARAM = "param.";
    private static final String OPTIMIZER = "optimizer.";
    private static final String ENGINE = "engine.";
    private static final String MONITOR = "monitor.";
    private static final String RNG_KEY = "state.rng_key";
    private static final String SCALARS = "state.scalars";
    private static final String COSTS = "state.costs";
    /** SHA-256 of the run folder's config.yaml when the checkpoint was written, one byte per value. */
    private static final String CONFIG_DIGEST = "state.config_sha256";
    private static final String BLAS_THREADS = "state.blas_threads";

    public void write(Path dir) throws IOException {
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        parameters.forEach((k, v) -> arrays.put(PARAM + k, v));
        optimizerState.forEach((k, v) -> arrays.put(OPTIMIZER + k, v));
        engineState.forEach((k, v) -> arrays.put(ENGINE + k, v));
        monitorState.forEach((k, v) -> arrays.put(MONITOR + k, v));
        double[] key = new double[random.key().length];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.key()[i] & 0xffffffffL;
        }
        arrays.put(RNG_KEY, NumpyArray.vector(key));
        arrays.put(SCALARS, NumpyArray.vector(stepsDone, updates, random.pos(), random.hasGauss() ? 1 : 0,
                random.gauss()));
        double[] history = new double[costs.size() * 3];
        for (int i = 0; i < costs.size(); i++) {
            history[3 * i] = costs.get(i).iteration();
            history[3 * i + 1] = costs.get(i).epoch();
            history[3 * i + 2] = costs.get(i).cost();
        }
        arrays.put(COSTS, NumpyArray.matrix(costs.size(), 3, history));
        Path config = dir.resolve(RunFiles.CONFIG);
        if (Files.isRegularFile(config)) {
            arrays.put(CONFIG_DIGEST, NumpyArray.vector(digest(config)));
        }
        if (blasThreads > 0) {
            arrays.put(BLAS_THREADS, NumpyArray.vector(blasThreads));
        }
        Files.createDirectories(dir);
        Npz.write(dir.resolve(FILE), arrays);
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static Checkpoint read(Path dir) {
        Path file = dir.resolve(FILE);
        Map<String, NumpyArray> arrays;
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
        Map<String, NumpyArray> parameters = new LinkedHashMap<>();
        Map<String, NumpyArray> optimizer = new LinkedHashMap<>();
        Map<String, NumpyArray> engine = new LinkedHashMap<>();
        Map<String, NumpyArray> monitor = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(MONITOR)) {
                monitor.put(k.substring(MONITOR.length()), v);
            }
            if (k.startsWith(PARAM)) {
                parameters.put(k.substring(PARAM.length()), v);
            } else if (k.startsWith(OPTIMIZER)) {
                optimizer.put(k.substring(OPTIMIZER.length()), v);
            } else if (k.startsWith(ENGINE)) {
                engine.put(k.substring(ENGINE.length()), v);
            }
        });
        double[] keyValues = arrays.get(RNG_KEY).values();
        int[] key = new int[keyValues.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = (int) (long) keyValues[i];
        }
        double[] s = arrays.get(SCALARS).values();
        NumpyArray c = arrays.get(COSTS);
        if (key.length != NumpyRandom.State.KEY_LENGTH || s.length != 5 || c.rank() != 2 || c.dim(1) != 3) {
            throw new BadInputException(file + " is damaged: its random stream or cost history has the wrong shape",
                    "start the run again without --resume");
        }
        requireConfigUnchanged(dir, file, arrays.get(CONFIG_DIGEST));
        List<CostPoint> costs = new ArrayList<>();
        for (int r = 0; r < c.dim(0); r++) {
            costs.add(new CostPoint((long) c.get(r, 0), (int) c.get(r, 1), c.get(r, 2)));
        }
        NumpyArray threads = arrays.get(BLAS_THREADS);
        int blasThreads = threads != null && threads.values().length == 1 && threads.values()[0] >= 1
                && threads.values()[0] <= 4096 ? (int) threads.values()[0] : 0;
        return new Checkpoint((int) s[0], (long) s[1], new NumpyRandom.State(key, (int) s[2], s[3] != 0, s[4]), parameters,
                optimizer, engine, costs, monitor, blasThreads);
    }

    /**
     * A checkpoint continues the spec it was written with: resumed under an edited config.yaml (a
     * learning rate, a layer), the run would finish as neither spec and report the edited one as if it
     * had trained from the start. Checkpoints written before the digest was kept are taken as they are.
     */
    private static void requireConfigUnchanged(Path dir, Path file, NumpyArray saved) {
        Path config = dir.resolve(RunFiles.CONFIG);
        if (saved == null || !Files.isRegularFile(config)) {
            return;
        }
        double[] now;
        try {
            now = digest(config);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + config + ": " + e.getMessage(), "check the run folder", e);
        }
        if (!Arrays.equals(saved.values(), now)) {
            throw new BadInputException(config + " was changed after " + file + " was written; a resumed run"
                    + " continues the spec it started with", "undo the change to resume, or train the changed spec"
                    + " as a new run: strata train " + config + " --out NEW_FOLDER");
        }
    }

    private static double[] digest(Path file) throws IOException {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        double[] values = new double[hash.length];
        for (int i = 0; i < hash.length; i++) {
            values[i] = hash[i] & 0xff;
        }
        return values;
    }
}
