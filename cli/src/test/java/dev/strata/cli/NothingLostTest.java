package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testing.Json;
import dev.strata.io.NumpyArray;
import dev.strata.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that diverges, is killed with SIGKILL or stopped with Ctrl-C loses nothing: the last
 * checkpoint stays, no half-written report appears, and a resumed run ends bit for bit where an
 * uninterrupted run ends (parameters, optimizer state, random stream, cost history).
 */
class NothingLostTest {
    private static final Path DATA = CliRunner.REPO.resolve("examples/data/catvnoncat");

    @TempDir
    Path dir;

    @Test
    void divergenceExitsOneNamingTheIterationAndLearningRateAndKeepsTheLastCheckpoint() throws IOException {
        Path spec = BadInput.tinyProject(dir, BadInput.TINY_SPEC.replace("print_every: 10}", "print_every: 10, checkpoint_every: 1}"));
        Path run = dir.resolve("run");

        CliRunner.Result result = CliRunner.run("train", spec.toString(), "--out", run.toString(),
                "--set", "optimizer.learning_rate=1e6", "--set", "training.iterations=200");

        BadInput.record(result);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: training diverged").containsPattern("at iteration \\d+;")
                .contains("the learning rate (optimizer.learning_rate: 1000000.0) is probably too high",
                        "--set optimizer.learning_rate=100000.0",
                        "the last checkpoint before it is kept in " + run.resolve("checkpoint.npz"))
                .doesNotContain("\tat ");
        assertThat(run.resolve("checkpoint.npz")).exists();
        assertThat(run.resolve("config.yaml")).exists();
        for (String half : List.of("report.json", "report.md", "model.npz", "model.json", "cost-curve.png")) {
            assertThat(run.resolve(half)).doesNotExist();
        }
        try (var files = Files.list(run)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void fullBatchRunKilledWithSigkillResumesToExactlyTheUninterruptedResult() throws Exception {
        assertResumeAfterKillIsExact(spec("full-batch", "gradient_descent, learning_rate: 0.0075",
                "{iterations: 300, print_every: 25, checkpoint_every: 20}"));
    }

    @Test
    void shuffledMinibatchRunKilledWithSigkillResumesToExactlyTheUninterruptedResult() throws Exception {
        assertResumeAfterKillIsExact(spec("minibatch", "gradient_descent, learning_rate: 0.0075",
                "{epochs: 60, batch_size: 64, shuffle: true, print_every: 10, checkpoint_every: 5}"));
    }

    @Test
    void streamedRunKilledWithSigkillResumesToExactlyTheUninterruptedResult() throws Exception {
        Path spec = spec("streamed", "adam, learning_rate: 0.001",
                "{epochs: 30, batch_size: 64, shuffle: true, print_every: 5, checkpoint_every: 3}");
        Files.writeString(spec, Files.readString(spec).replace("  preprocessing:", "  cache: stream\n  preprocessing:"));
        assertResumeAfterKillIsExact(spec);
    }

    @Test
    void adamRunKilledWithSigkillResumesToExactlyTheUninterruptedResult() throws Exception {
        assertResumeAfterKillIsExact(spec("adam", "adam, learning_rate: 0.001",
                "{epochs: 30, batch_size: 64, shuffle: true, print_every: 5, checkpoint_every: 3}"));
    }

    @Test
    void ctrlCStopsWithExitCode130AndACheckpointThatResumesToTheSameResult() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored by this JVM (started in the background), so the"
                + " strata process would inherit that and never see Ctrl-C");
        Path spec = spec("ctrl-c", "gradient_descent, learning_rate: 0.0075",
                "{iterations: 300, print_every: 25, checkpoint_every: 20}");
        Path reference = train(spec, dir.resolve("reference"));
        Path run = dir.resolve("interrupted");
        Path log = dir.resolve("interrupted.log");
        Process process = CliRunner.start(log, "train", spec.toString(), "--out", run.toString());
        awaitFile(process, run.resolve("checkpoint.npz"), log);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();

        int code = CliRunner.waitFor(process, 60);

        String printed = Files.readString(log);
        assertThat(code).as(printed).isEqualTo(130);
        assertThat(printed).contains("checkpoint saved. Continue with: strata train --resume " + run);
        assertThat(run.resolve("checkpoint.npz")).exists();
        assertThat(run.resolve("report.json")).doesNotExist();
        resumeAndCompare(run, reference);
    }

    @Test
    void ctrlCTypedInARealTerminalWithTheProgressLineShowingSavesACheckpointThatResumesToTheSameResult()
            throws Exception {
        Assumptions.assumeTrue(CliRunner.terminalAvailable(), "util-linux's script is needed for a pseudo-terminal");
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored by this JVM (started in the background), and the"
                + " terminal's process would inherit that");
        Path spec = spec("terminal", "gradient_descent, learning_rate: 0.0075",
                "{iterations: 3000, print_every: 25, checkpoint_every: 20}");
        Path reference = train(spec, dir.resolve("reference"));
        Path run = dir.resolve("typed");
        Path log = dir.resolve("terminal.log");
        Process process = CliRunner.startInTerminal(log, "train", spec.toString(), "--out", run.toString());
        awaitFile(process, run.resolve("checkpoint.npz"), log);
        awaitText(log, "training ");
        process.getOutputStream().write(3);
        process.getOutputStream().flush();

        int code = CliRunner.waitFor(process, 60);

        String session = Files.readString(log);
        assertThat(session).as("the progress line was drawn on the terminal").contains("iterations/s");
        assertThat(session).as(session).contains("checkpoint saved. Continue with: strata train --resume " + run)
                .contains("COMMAND_EXIT_CODE=\"130\"");
        assertThat(code).isEqualTo(130);
        assertThat(run.resolve("report.json")).doesNotExist();
        resumeAndCompare(run, reference);
    }

    private static void awaitText(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || !Files.readString(log).contains(text)) {
            assertThat(System.nanoTime()).as("no '%s' on the terminal within 60 s", text).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A process started in the background inherits SIGINT as ignored, and so does every child. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        String ignored = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> l.substring("SigIgn:".length()).strip()).orElse("0");
        return (Long.parseUnsignedLong(ignored, 16) & 0x2) != 0;
    }

    private void assertResumeAfterKillIsExact(Path spec) throws Exception {
        Path reference = train(spec, dir.resolve("reference"));
        Path run = dir.resolve("killed");
        Path log = dir.resolve("killed.log");
        Process process = CliRunner.start(log, "train", spec.toString(), "--out", run.toString());
        awaitFile(process, run.resolve("checkpoint.npz"), log);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(run.resolve("report.json")).as("the run finished before it was killed").doesNotExist();
        resumeAndCompare(run, reference);
    }

    private static void resumeAndCompare(Path run, Path reference) throws IOException {
        CliRunner.Result resumed = CliRunner.run("train", "--resume", run.toString(), "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(run.resolve("checkpoint.npz")).doesNotExist();
        Map<String, NumpyArray> expected = Npz.read(reference.resolve("model.npz"));
        Map<String, NumpyArray> actual = Npz.read(run.resolve("model.npz"));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, array) -> assertThat(actual.get(name).values()).as(name).containsExactly(array.values()));
        assertThat(costs(run)).isNotEmpty().isEqualTo(costs(reference));
    }

    private static Path train(Path spec, Path out) {
        CliRunner.Result result = CliRunner.run("train", spec.toString(), "--out", out.toString(), "--quiet");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return out;
    }

    private static List<?> costs(Path run) throws IOException {
        return (List<?>) ((Map<?, ?>) Json.parse(Files.readString(run.resolve("report.json")))).get("costs");
    }

    private static void awaitFile(Process process, Path file, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("the run ended before its first checkpoint: %s", Files.exists(log)
                    ? Files.readString(log) : "").isTrue();
            assertThat(System.nanoTime()).as("no checkpoint within 60 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** The notebooks' two-layer cat model with the given optimizer and training block. */
    private Path spec(String name, String optimizer, String training) throws IOException {
        return BadInput.write(dir, name + ".yaml", """
                name: %s
                seed: 1
                data:
                  format: hdf5
                  train: {path: %s, features: train_set_x, labels: train_set_y}
                  test: {path: %s, features: test_set_x, labels: test_set_y}
                  preprocessing: {flatten: true, scale: 255}
                model:
                  layers:
                    - {units: 7, activation: relu}
                    - {units: 1, activation: sigmoid}
                  initializer: {type: normal, std: 0.01}
                loss: binary_cross_entropy
                optimizer: {type: %s}
                training: %s
                """.formatted(name, DATA.resolve("train_catvnoncat.h5"), DATA.resolve("test_catvnoncat.h5"), optimizer,
                training));
    }
}
