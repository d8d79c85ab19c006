package dev.strata.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenBLAS loading on a background thread while the main thread creates native buffers: once a
 * class-initialisation deadlock between JavaCPP's pointer classes and its loader lock. Each run is a
 * fresh JVM, since the classes initialise once per JVM.
 */
class BlasLoadingTest {
    @TempDir
    Path dir;

    /** Preloads, then after {@code args[0]} ms allocates buffers and multiplies on the main thread. */
    public static final class Race {
        public static void main(String[] args) throws InterruptedException {
            Blas.setThreads(1);
            Blas.preload();
            Thread.sleep(Long.parseLong(args[0]));
            for (int i = 0; i < 50; i++) {
                Dense a = Dense.zeros(i % 2 == 0 ? Precision.FLOAT64 : Precision.FLOAT32, 4, 4, 'f');
                Blas.gemm(a, false, a, false, Dense.zeros(a.precision(), 4, 4, 'f'), 1, 0);
            }
            System.out.println("done");
        }
    }

    @Test
    void preloadingOpenBlasWhileTheMainThreadAllocatesNeverDeadlocks() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the load takes tens of milliseconds: start allocating at points across it, two JVMs at a time
        for (int first = 0; first < 16; first += 2) {
            List<Process> pair = new java.util.ArrayList<>();
            for (int run = first; run < first + 2; run++) {
                pair.add(new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                        Race.class.getName(), Integer.toString(run * 15))).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("race-" + run + ".log").toFile()).start());
            }
            for (int i = 0; i < pair.size(); i++) {
                int run = first + i;
                boolean finished = pair.get(i).waitFor(30, TimeUnit.SECONDS);
                if (!finished) {
                    pair.get(i).destroyForcibly();
                }
                assertThat(finished).as("run %d finished within 30 s", run).isTrue();
                assertThat(Files.readString(dir.resolve("race-" + run + ".log"))).as("run %d", run).contains("done");
            }
        }
    }
}
