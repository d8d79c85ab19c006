package dev.strata.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark standalone master and one worker in child JVMs on 127.0.0.1, started from the test
 * classpath (Spark's Maven artifacts, no Spark distribution). The worker's SPARK_HOME is an empty
 * folder with an empty {@code jars/}; executors get their classes from
 * {@code spark.executor.extraClassPath}, which the driver sets to {@link #classpath()}.
 */
final class LoopbackCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final int port;

    private LoopbackCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts the master, then a worker with {@code cores} cores, and waits until the worker registered. */
    static LoopbackCluster start(Path dir, int cores, Duration timeout) throws IOException, InterruptedException {
        LoopbackCluster cluster = new LoopbackCluster(dir, freePort());
        try {
            Files.createDirectories(dir.resolve("spark-home/jars"));
            Path masterLog = dir.resolve("master.log");
            cluster.launch(masterLog, "org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", Integer.toString(cluster.port), "--webui-port", Integer.toString(freePort()));
            cluster.awaitLine(masterLog, "I have been elected leader", timeout);
            Path workerLog = dir.resolve("worker.log");
            cluster.launch(workerLog, "org.apache.spark.deploy.worker.Worker",
                    "--host", HOST, "--cores", Integer.toString(cores), "--memory", "1g",
                    "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve("work").toString(),
                    cluster.masterUrl());
            cluster.awaitLine(workerLog, "Successfully registered with master", timeout);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://" + HOST + ":" + port;
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }

    /** The child JVMs' output, for failure messages. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("master.log", "worker.log")) {
            try {
                text.append("--- ").append(name).append('\n').append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                text.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return text.toString();
    }

    private void launch(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classpath(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        builder.environment().put("SPARK_LOCAL_IP", HOST);
        // Without a distribution the launcher cannot guess the Scala version from build folders.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_WORKER_DIR", dir.resolve("work").toString());
        processes.add(builder.start());
    }

    private void awaitLine(Path log, String line, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a Spark daemon exited early:\n" + logs());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' in " + log.getFileName() + " after " + timeout + ":\n" + logs());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the worker first (it kills its executors), then the master. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
