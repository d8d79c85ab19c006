package dev.strata.spark;

import dev.strata.spi.BadInputException;
import dev.strata.spi.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spark executor's validated parameters.
 *
 * @param sparkConf extra Spark settings, applied after the ones derived from the other fields
 */
public record SparkSettings(String master, int trialsPerTask, String appName, int nativeThreadsPerTask,
        boolean distributeData, Map<String, String> sparkConf) {

    public SparkSettings {
        if (trialsPerTask < 1 || nativeThreadsPerTask < 1) {
            throw new IllegalArgumentException("trials_per_task and native_threads_per_task must be >= 1");
        }
        sparkConf = Map.copyOf(sparkConf);
    }

    /** Builds the settings from the factory's parameters; {@code spark_conf} entries must read {@code key=value}. */
    public static SparkSettings from(Params params) {
        return new SparkSettings(params.getString("master"), params.getInt("trials_per_task"),
                params.getString("app_name"), params.getInt("native_threads_per_task"),
                params.getBoolean("distribute_data"), parseConf(params.getStringList("spark_conf")));
    }

    static Map<String, String> parseConf(List<String> entries) {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("executor.spark_conf entry '" + entry + "' is not key=value",
                        "write each entry as a Spark setting and its value, e.g. spark.executor.memory=2g");
            }
            conf.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return conf;
    }
}
