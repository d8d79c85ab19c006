package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures and the one assertion every bad-input case shares: exit 2 and one clear message. */
final class BadInput {
    /** A small binary classifier on a csv file; {@code %s} slots take the train and test file names. */
    static final String TINY_SPEC = """
            name: tiny
            seed: 1
            data:
              format: csv
              train: {path: train.csv}
              test: {path: test.csv}
            model:
              layers:
                - {units: 3, activation: relu}
                - {units: 1, activation: sigmoid}
              initializer: {type: normal, std: 0.5}
            loss: binary_cross_entropy
            optimizer: {type: gradient_descent, learning_rate: 0.1}
            training: {iterations: 20, print_every: 10}
            """;

    static final String TINY_CSV = "a,b,label\n0.1,0.9,1\n0.8,0.2,0\n0.2,0.7,1\n0.9,0.1,0\n0.3,0.8,1\n0.7,0.3,0\n";

    private BadInput() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A folder with {@code spec.yaml} (the given text) beside the tiny train and test csv files. */
    static Path tinyProject(Path dir, String spec) throws IOException {
        write(dir, "train.csv", TINY_CSV);
        write(dir, "test.csv", TINY_CSV);
        return write(dir, "spec.yaml", spec);
    }

    /** {@code strata train SPEC --out DIR/run}. */
    static CliRunner.Result train(Path spec, String... extra) {
        String[] args = new String[3 + extra.length + 1];
        args[0] = "train";
        args[1] = spec.toString();
        args[2] = "--out";
        args[3] = spec.resolveSibling("run").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRunner.run(args);
    }

    /**
     * With {@code -Dbad-input.log=FILE}, appends each case's test, exit code and message to FILE:
     * the source of the table in docs/bad-input.md.
     */
    static void record(CliRunner.Result result) {
        String log = System.getProperty("bad-input.log");
        if (log == null) {
            return;
        }
        String test = StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getMethodName)
                .filter(n -> !n.equals("record") && !n.equals("assertRefused")).findFirst().orElse("?"));
        try {
            Files.writeString(Path.of(log), test + "\t" + result.exitCode() + "\t" + result.err().strip().replace("\n", " ⏎ ")
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Exit code 2 and one message starting with "error: " holding every excerpt, without a stack trace. */
    static void assertRefused(CliRunner.Result result, String... excerpts) {
        record(result);
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ").contains(excerpts)
                .doesNotContain("\tat ", "unexpected", "This is a bug", "com.google.inject", "org.yaml");
        assertThat(result.err().lines().filter(l -> l.startsWith("error: "))).as("one message").hasSize(1);
    }

    /** Compiles {@code source} (a plugin in package {@code acme}) against the test classpath into {@code classes}. */
    static Path compile(Path source, Path classes) throws IOException {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.createDirectories(classes);
        assertThat(javac.run(null, null, null, "-classpath", classpath, "-d", classes.toString(), source.toString()))
                .as("javac").isZero();
        return classes;
    }

    /** A plugin jar, as a third party ships it: the compiled {@code acme} classes and the service file naming {@code acme.AcmePlugin}. */
    static Path pluginJar(Path classes, Path jar) throws IOException {
        try (java.io.OutputStream file = Files.newOutputStream(jar);
                java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(file)) {
            try (var compiled = Files.list(classes.resolve("acme"))) {
                for (Path type : compiled.sorted().toList()) {
                    out.putNextEntry(new java.util.jar.JarEntry("acme/" + type.getFileName()));
                    out.write(Files.readAllBytes(type));
                    out.closeEntry();
                }
            }
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/dev.strata.spi.StrataPlugin"));
            out.write("acme.AcmePlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
