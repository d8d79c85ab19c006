package dev.strata.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The spark-submit entry point: {@code SparkSweepMain SWEEP [--out DIR] [--resume DIR] [--set executor.KEY=VALUE]} runs
 * {@code strata sweep} with the executor forced to {@code spark} (the sweep file's other spark
 * parameters still apply) and its master taken from spark-submit's {@code --master}.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getProperty("spark.master"), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs the sweep and returns the CLI's exit code; {@code master} may be {@code null} (keep the file's). */
    public static int run(String[] args, String master, PrintWriter out, PrintWriter err) {
        return dev.strata.cli.Main.run(sweepArguments(args, master), out, err);
    }

    /** The {@code strata} command line this main stands for. */
    static String[] sweepArguments(String[] args, String master) {
        // The forced settings come first: a new executor.type resets the block, and the caller's own
        // --set executor.* options, applied after, must survive it.
        List<String> command = new ArrayList<>(List.of("sweep", "--set", "executor.type=" + SparkExecutorFactory.NAME));
        if (master != null && !master.isBlank()) {
            command.addAll(List.of("--set", "executor.master=" + master));
        }
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }
}
