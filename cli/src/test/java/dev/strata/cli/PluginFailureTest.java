package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party plugins that fail: in their factory's constructor, in {@code create()}, by calling
 * {@code System.exit} while training, by never returning. Each is named (plugin and jar), without a
 * Guice trace, and none ends with exit 0.
 */
class PluginFailureTest {
    @TempDir
    Path dir;

    /** A jar with one activation factory {@code acme} whose parts are the given Java snippets. */
    private Path pluginJar(String constructor, String create, String value) throws IOException {
        Path source = BadInput.write(dir.resolve("src"), "acme/AcmePlugin.java", """
                package acme;
                import dev.strata.spi.*;
                public final class AcmePlugin extends PluginModule {
                    static final class Factory implements ActivationFactory {
                        Factory() { %s }
                        public String name() { return "acme"; }
                        public Activation create(Params params) { %s return new Act(); }
                    }
                    static final class Act implements ElementwiseActivation {
                        static int calls;
                        public double value(double z) { %s return Math.max(0, z); }
                        public double derivative(double z, double a) { return z > 0 ? 1 : 0; }
                    }
                    @Override
                    protected void configure() {
                        register(new Factory());
                    }
                }
                """.formatted(constructor, create, value));
        Path classes = BadInput.compile(source, dir.resolve("classes"));
        return BadInput.pluginJar(classes, Files.createDirectories(dir.resolve("plugins")).resolve("acme-1.0.jar"));
    }

    private Path spec() throws IOException {
        return tinyProject(dir, TINY_SPEC.replace("activation: relu}", "activation: acme}")
                .replace("iterations: 20", "iterations: 100000000"));
    }

    @Test
    void aFactoryWhoseConstructorThrowsIsNamedWithItsJarAndNoGuiceTrace() throws IOException {
        Path jar = pluginJar("if (true) throw new IllegalStateException(\"no licence key\");", "", "");
        assertRefused(train(spec(), "--plugin-path", jar.getParent().toString()), jar.toString(),
                "no licence key");
    }

    @Test
    void aFactoryWhoseCreateThrowsIsNamedWithItsJar() throws IOException {
        Path jar = pluginJar("", "if (true) throw new IllegalArgumentException(\"bad width\");", "");
        assertRefused(train(spec(), "--plugin-path", jar.getParent().toString()), "activation 'acme'",
                jar.toString(), "bad width");
    }

    @Test
    void aPluginCallingSystemExitDuringTrainingEndsWithExitCodeOneAtOnce() throws Exception {
        Path jar = pluginJar("", "", "if (++calls > 1000) System.exit(0);");
        Path log = dir.resolve("exit.log");
        Process process = CliRunner.start(log, "train", spec().toString(), "--out", dir.resolve("run").toString(),
                "--plugin-path", jar.getParent().toString(), "--set", "training.iterations=2000000");
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("ended").isTrue();
        String printed = Files.readString(log);
        assertThat(process.exitValue()).as(printed).isEqualTo(1);
        assertThat(printed).contains("error: acme.AcmePlugin$Act called System.exit during training",
                "did not finish");
        assertThat(dir.resolve("run/report.json")).doesNotExist();
    }

    @Test
    void aPluginThatNeverReturnsStillLetsCtrlCEndTheRun() throws Exception {
        Path jar = pluginJar("", "", "if (++calls > 1000) { while (true) { Thread.onSpinWait(); } }");
        Path log = dir.resolve("loop.log");
        Process process = CliRunner.start(log, Map.of("JAVA_TOOL_OPTIONS", "-Dstrata.stop.seconds=2"), "train",
                spec().toString(), "--out", dir.resolve("run").toString(), "--plugin-path", jar.getParent().toString());
        Thread.sleep(3000);
        assertThat(process.isAlive()).as(Files.readString(log)).isTrue();
        process.destroy();
        boolean ended = process.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            new ProcessBuilder("jstack", Long.toString(process.pid())).redirectOutput(dir.resolve("stack.txt").toFile())
                    .start().waitFor(20, TimeUnit.SECONDS);
            System.out.println(Files.readString(dir.resolve("stack.txt")));
            process.destroyForcibly();
        }
        assertThat(ended).as("ended after SIGTERM: %s", Files.readString(log)).isTrue();
        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(Files.readString(log)).contains("training did not stop within 2 s of Ctrl-C",
                "a plugin may be stuck in a loop");
    }
}
