package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenBLAS cannot run more threads than the cores it found when it loaded: asked for one more, its
 * copy kernels crash the JVM (SIGSEGV in {@code dgemm_incopy}). More threads than cores are capped
 * to the cores. The products run in a fresh JVM, which the crash would end without a report.
 */
class BlasThreadLimitTest {
    @TempDir
    Path dir;

    /** Asks for one thread more than the cores, then multiplies matrices large enough to be threaded. */
    public static final class MoreThreadsThanCores {
        public static void main(String[] args) {
            int cores = Runtime.getRuntime().availableProcessors();
            Blas.setThreads(cores + 1);
            for (Precision precision : Precision.values()) {
                Dense a = Dense.zeros(precision, 600, 600, 'f');
                Dense c = Dense.zeros(precision, 600, 600, 'f');
                for (int i = 0; i < 3; i++) {
                    Blas.gemm(a, false, a, true, c, 1, 0);
                }
            }
            System.out.println("cores " + cores + " threads " + Blas.threads());
        }
    }

    @Test
    void moreThreadsThanCoresAreCappedToTheCoresInsteadOfCrashing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("threads.log");
        Process process = new ProcessBuilder(List.of(java, "-XX:ErrorFile=" + dir.resolve("hs_err.log"),
                "-cp", System.getProperty("java.class.path"),
                MoreThreadsThanCores.class.getName())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isZero();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(output).contains("cores " + cores + " threads " + cores);
    }
}
