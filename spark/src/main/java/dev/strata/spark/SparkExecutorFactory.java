package dev.strata.spark;

import dev.strata.spi.ExecutorContext;
import dev.strata.spi.ParamSpec;
import dev.strata.spi.ParamType;
import dev.strata.spi.Params;
import dev.strata.spi.SweepExecutor;
import dev.strata.spi.SweepExecutorFactory;
import java.util.List;

/** {@code executor: {type: spark, master: ..., ...}}: each group of trials runs as one Spark task. */
public final class SparkExecutorFactory implements SweepExecutorFactory {
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "runs each group of trials as a Spark task, on local[N] or a standalone/YARN/Kubernetes cluster";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("master", ParamType.STRING, "local[2]",
                        "Spark master URL: local[N], local[N,retries] or spark://host:port; spark-submit's --master wins"),
                ParamSpec.optional("trials_per_task", ParamType.INT, 1,
                        "trials run one after another in one Spark task (a retried task reruns all of them)")
                        .withMin(1, false),
                ParamSpec.optional("app_name", ParamType.STRING, "strata-sweep", "the Spark application name"),
                ParamSpec.optional("native_threads_per_task", ParamType.INT, 1,
                        "OpenMP/OpenBLAS threads each task may use; set to cores per executor / task slots")
                        .withMin(1, false),
                ParamSpec.optional("distribute_data", ParamType.BOOLEAN, false,
                        "ship the data files with SparkContext.addFile instead of reading them from a path every"
                                + " node shares"),
                ParamSpec.optional("spark_conf", ParamType.STRING_LIST, List.of(),
                        "extra Spark settings as key=value, e.g. spark.executor.memory=2g"));
    }

    @Override
    public SweepExecutor create(Params params, ExecutorContext context) {
        return new SparkSweepExecutor(SparkSettings.from(params));
    }
}
