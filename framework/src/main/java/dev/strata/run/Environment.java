package dev.strata.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.engine.Blas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** Versions and settings that decide a run's numbers and speed, for reports. */
public final class Environment {
    private static final Properties BUILD = load();

    private Environment() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/dev/strata/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static String strataVersion() {
        return BUILD.getProperty("strata.version", "unknown");
    }

    /** The environment block of {@code report.json}. */
    public record Info(String strata, String java, String nd4j, String blas, int blasThreads, int cores,
            @JsonProperty("env_OMP_NUM_THREADS") String envOmpNumThreads,
            @JsonProperty("env_OPENBLAS_NUM_THREADS") String envOpenblasNumThreads, String os, String dtype) {

        /** {@code key: value} lines, for report.md. */
        public List<String> lines() {
            return List.of("strata: " + strata, "java: " + java, "nd4j: " + nd4j, "blas: " + blas,
                    "blas_threads: " + blasThreads,
                    "cores: " + cores, "env_OMP_NUM_THREADS: " + envOmpNumThreads,
                    "env_OPENBLAS_NUM_THREADS: " + envOpenblasNumThreads, "os: " + os, "dtype: " + dtype);
        }
    }

    public static Info describe(String dtype) {
        return new Info(strataVersion(), System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ")", BUILD.getProperty("nd4j.version", "unknown") + " (the notebook API's arrays; training does not load it)",
                "OpenBLAS " + BUILD.getProperty("openblas.version", "unknown") + " through JavaCPP", Blas.threads(),
                Runtime.getRuntime().availableProcessors(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "unset"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), dtype);
    }
}
