package dev.strata.cli;

import static dev.strata.cli.BadInput.TINY_SPEC;
import static dev.strata.cli.BadInput.assertRefused;
import static dev.strata.cli.BadInput.tinyProject;
import static dev.strata.cli.BadInput.train;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin names and plugin jars that cannot work: exit 2, naming the jar or the name. */
class PluginBadInputTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownActivationNameGetsASuggestionAndTheKnownNames() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC.replace("activation: sigmoid", "activation: sigmoyd"));

        assertRefused(train(spec), spec + ":10:", "unknown activation 'sigmoyd'", "did you mean 'sigmoid'?", "known: ");
    }

    @Test
    void aCorruptJarInThePluginFolderIsNamed() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.write(plugins.resolve("broken.jar"), "PK\u0003\u0004 not really a jar".getBytes(StandardCharsets.ISO_8859_1));
        Path spec = tinyProject(dir, TINY_SPEC);

        assertRefused(train(spec, "--plugin-path", plugins.toString()),
                "plugin jar " + plugins.resolve("broken.jar") + " cannot be read as a jar",
                "replace it with a complete copy, or remove it from the plugin folder");
    }

    @Test
    void twoJarsClaimingOneNameAreRefusedNamingBoth() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path classes = compilePlugin(dir.resolve("classes"));
        jar(classes, plugins.resolve("acme-1.jar"));
        jar(classes, plugins.resolve("acme-2.jar"));
        Path spec = tinyProject(dir, TINY_SPEC);

        CliRunner.Result result = train(spec, "--plugin-path", plugins.toString());

        assertRefused(result, "initializer 'acme_ones' is registered by", plugins.resolve("acme-1.jar").toString(),
                plugins.resolve("acme-2.jar").toString(), "remove one of these plugin jars");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    /** A plugin that exists only in a jar (not on the test classpath), as a third party ships it. */
    private static Path compilePlugin(Path out) throws IOException {
        Path source = BadInput.write(out.resolve("src"), "acme/AcmePlugin.java", """
                package acme;
                public final class AcmePlugin extends dev.strata.spi.PluginModule {
                    @Override
                    protected void configure() {
                        register(new dev.strata.spi.InitializerFactory() {
                            public String name() {
                                return "acme_ones";
                            }

                            public dev.strata.spi.Initializer create(dev.strata.spi.Params params) {
                                return (fanOut, fanIn, random) -> new double[fanOut * fanIn];
                            }
                        });
                    }
                }
                """);
        return BadInput.compile(source, out.resolve("classes"));
    }

    private static void jar(Path classes, Path jar) throws IOException {
        BadInput.pluginJar(classes, jar);
    }

    @Test
    void anUnknownSubcommandGetsASuggestion() {
        CliRunner.Result result = CliRunner.run("tarin", "configs/cat-deep.yaml");

        assertRefused(result, "Unmatched arguments", "tarin", "Did you mean: strata train");
    }

    @Test
    void anUnknownOptionGetsASuggestion() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);

        CliRunner.Result result = CliRunner.run("train", spec.toString(), "--ot", dir.resolve("run").toString());

        assertRefused(result, "Unknown options: '--ot'", "Did you mean: --out?");
    }

    @Test
    void aMalformedSetIsExplained() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);

        assertRefused(train(spec, "--set", "optimizer.learning_rate"), "--set", "optimizer.learning_rate", "key.path=value");
        assertRefused(train(spec, "--set", "=0.1"), "--set");
        assertRefused(train(spec, "--set", "optimizer.learning_rte=0.1"), "did you mean 'learning_rate'?");
    }

    @Test
    void aThreadCountOutsideOneToTheCoresIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);
        int cores = Runtime.getRuntime().availableProcessors();

        assertRefused(CliRunner.run("--threads", "0", "train", spec.toString(), "--out", dir.resolve("run").toString()),
                "--threads must be at least 1, got 0", "leave --threads out");
        // one more than the cores crashed OpenBLAS (and the JVM) at the first product
        assertRefused(CliRunner.run("--threads", Integer.toString(cores + 1), "train", spec.toString(), "--out",
                dir.resolve("run").toString()), "--threads " + (cores + 1) + " is more than the " + cores + " cores",
                "give --threads 1 to " + cores);
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void quietAndVerboseTogetherAreRefused() throws IOException {
        Path spec = tinyProject(dir, TINY_SPEC);

        assertRefused(train(spec, "--quiet", "--verbose"), "--quiet and --verbose contradict each other",
                "give one of them, or neither");
        assertThat(dir.resolve("run")).doesNotExist();
    }
}
