package dev.strata.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

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
    public static Map<String, Object> describe(String dtype) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strata", strataVersion());
        out.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        out.put("nd4j", BUILD.getProperty("nd4j.version", "unknown") + " " + Nd4j.getBackend().getClass().getSimpleName());
        out.put("blas", "OpenBLAS " + BUILD.getProperty("openblas.version", "unknown"));
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        out.put("blas_threads", NativeThreads.blasThreads());
        out.put("omp_threads", info.getOrDefault("omp.threads", "unknown"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("env_OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        out.put("env_OPENBLAS_NUM_THREADS", System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "unset"));
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.put("dtype", dtype);
        return out;
    }
}
