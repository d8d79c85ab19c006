package dev.strata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the `strata` command as a user would: in this JVM through its entry point, or as a process. */
final class CliRunner {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static Path config(String name) {
        return REPO.resolve("configs").resolve(name);
    }

    /** A separate JVM running the CLI on the test classpath (for kill -9 and exit-code tests). */
    static Process start(Path logFile, String... args) throws IOException {
        return start(logFile, java.util.Map.of(), args);
    }

    /** As {@link #start(Path, String...)}, with extra environment variables. */
    static Process start(Path logFile, java.util.Map<String, String> environment, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * The CLI in a pseudo-terminal, as in an interactive shell: util-linux's {@code script} runs it
     * with a pty as its terminal, and what is written to the returned process's stdin is typed into
     * that terminal (so {@code \u0003} is Ctrl-C, turned into SIGINT by the terminal driver). The
     * session is recorded in {@code logFile}. Sets what the launcher sets when stderr is a terminal.
     */
    static Process startInTerminal(Path logFile, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder command = new StringBuilder("if [ -t 2 ]; then t=-Dstrata.stderr.terminal=true; fi; exec ")
                .append(quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" $t -Djava.awt.headless=true -cp ").append(quote(classpath)).append(' ')
                .append(Main.class.getName());
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command.toString(), logFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** Whether util-linux's {@code script} is installed, for {@link #startInTerminal}. */
    static boolean terminalAvailable() {
        try {
            Process p = new ProcessBuilder("script", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static int waitFor(Process process, int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the strata process did not finish within " + seconds + " s");
        }
        return process.exitValue();
    }
}
