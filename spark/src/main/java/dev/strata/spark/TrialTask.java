package dev.strata.spark;

import dev.strata.engine.Blas;
import dev.strata.spi.Trial;
import dev.strata.spi.TrialOutcome;
import dev.strata.spi.TrialRunner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What one Spark task does with its partition (one group of trials): cap native threads, point the
 * specs at the shipped data files, run each trial with the runner. Returns plain outcomes. A runner
 * that throws fails the task, so Spark retries it ({@code spark.task.maxFailures}).
 *
 * <p>The runner comes as a broadcast variable, not in the closure: an executor JVM then
 * deserializes it once and every task reuses that instance with whatever it built lazily (the
 * plugins, the engine); in local mode tasks get the driver's own instance. Carried in the closure,
 * each task got a fresh copy that rebuilt them, measured at about 0.2 s per trial.
 */
final class TrialTask extends AbstractFunction1<Iterator<ArrayList<Trial>>, ArrayList<TrialOutcome>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<TrialRunner> runner;
    private final int nativeThreads;
    private final Map<String, String> shippedFiles;

    TrialTask(Broadcast<TrialRunner> runner, int nativeThreads, Map<String, String> shippedFiles) {
        this.runner = runner;
        this.nativeThreads = nativeThreads;
        this.shippedFiles = Map.copyOf(shippedFiles);
    }

    @Override
    public ArrayList<TrialOutcome> apply(Iterator<ArrayList<Trial>> partition) {
        // BLAS threads are process-wide: with n task slots in one JVM it uses up to n × threads cores, as intended.
        Blas.setThreads(nativeThreads);
        ArrayList<TrialOutcome> outcomes = new ArrayList<>();
        while (partition.hasNext()) {
            for (Trial trial : partition.next()) {
                outcomes.add(run(trial));
            }
        }
        return outcomes;
    }

    private TrialOutcome run(Trial trial) {
        Trial local = shippedFiles.isEmpty() ? trial
                : new Trial(trial.id(), trial.parameters(), DataFiles.rewrite(trial.specYaml(), shippedFiles, SparkFiles::get));
        try {
            return runner.value().run(local);
        } catch (RuntimeException e) {
            throw new IllegalStateException("trial " + trial.id() + " threw " + e, e);
        }
    }
}
