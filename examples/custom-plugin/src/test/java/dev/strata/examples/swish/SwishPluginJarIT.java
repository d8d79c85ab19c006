package dev.strata.examples.swish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin jar, alone in a folder, loaded with {@code --plugin-path} by the strata command
 * as a user runs it, in its own JVM. Runs after {@code package} (failsafe), on a classpath that holds
 * the strata command and the built-in plugins but not this module's classes: see the failsafe block of
 * the pom.
 */
class SwishPluginJarIT {
    private static final Path SPEC = Path.of("swish-cat.yaml").toAbsolutePath();
    private static final String COST_LINE = "Cost after iteration ";

    @TempDir
    static Path tmp;
    static Path pluginDir;
    static Path jar;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void putTheJarAloneInAPluginFolder() throws IOException {
        String built = System.getProperty("strata.example.plugin.jar");
        assertThat(built).as("system property strata.example.plugin.jar (set by failsafe; run mvn verify)").isNotNull();
        Path source = Path.of(built);
        assertThat(source).as("the packaged plugin jar").isRegularFile();
        pluginDir = Files.createDirectories(tmp.resolve("plugins"));
        jar = Files.copy(source, pluginDir.resolve(source.getFileName()));
    }

    /** The strata command in its own JVM, as a user runs it (this test compiles against no engine class). */
    private static Result strata(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")), "dev.strata.cli.Main"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("strata " + String.join(" ", args) + " did not finish in 300 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void pluginClassesAreNotOnTheTestClasspathSoOnlyTheJarCanProvideThem() {
        assertThatThrownBy(() -> Class.forName("dev.strata.examples.swish.SwishPlugin"))
                .isInstanceOf(ClassNotFoundException.class);

        Result withoutJar = strata("plugins");
        assertThat(withoutJar.exitCode()).as(withoutJar.err()).isZero();
        assertThat(withoutJar.out()).contains("sigmoid").doesNotContain("swish", "orthogonal");
    }

    @Test
    void pluginsListsSwishAndOrthogonalWithTheJarAsOrigin() {
        Result listed = strata("--plugin-path", pluginDir.toString(), "plugins");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        List<String> lines = listed.out().lines().toList();
        assertThat(originOf(lines, "swish")).isEqualTo(jar.toString());
        assertThat(originOf(lines, "orthogonal")).isEqualTo(jar.toString());
        assertThat(originOf(lines, "nesterov")).isEqualTo(jar.toString());
        assertThat(originOf(lines, "polynomial")).isEqualTo(jar.toString());
        assertThat(originOf(lines, "sigmoid")).isEqualTo("built-in");
        assertThat(listed.out()).contains("beta: 1.0 (> 0)", "gain: 1.0 (> 0)");
    }

    @Test
    void gradcheckOfTheSwishCatModelPasses() {
        Result checked = strata("--plugin-path", pluginDir.toString(), "gradcheck", SPEC.toString(),
                "--set", "training.iterations=1");

        assertThat(checked.exitCode()).as(checked.out() + checked.err()).isZero();
        assertThat(checked.out()).contains("Gradients match within").doesNotContain("FAIL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainingTheSwishCatModelLowersTheCostAndRecordsThePluginsOrigin() throws IOException {
        Path run = tmp.resolve("run");
        // --plugin-path is a global option: it may also follow the subcommand.
        Result trained = strata("train", SPEC.toString(), "--plugin-path", pluginDir.toString(),
                "--set", "training.iterations=40", "--set", "training.print_every=10",
                "--set", "optimizer={type: nesterov, learning_rate: 0.005, schedule: {type: polynomial, end: 0.001}}",
                "--out", run.toString());

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        List<Double> costs = trained.out().lines().filter(l -> l.startsWith(COST_LINE))
                .map(l -> Double.parseDouble(l.substring(l.indexOf(": ") + 2))).toList();
        assertThat(costs).as("costs printed every 10 iterations").hasSizeGreaterThanOrEqualTo(4);
        for (int i = 1; i < costs.size(); i++) {
            assertThat(costs.get(i)).as("printed cost %d of %s", i, costs).isLessThan(costs.get(i - 1));
        }
        assertThat(run.resolve("report.json")).isRegularFile();
        Map<String, Object> report = new ObjectMapper().readValue(Files.readString(run.resolve("report.json")), Map.class);
        assertThat((List<Map<String, Object>>) report.get("plugins"))
                .contains(Map.of("kind", "activation", "name", "swish", "origin", jar.toString()),
                        Map.of("kind", "initializer", "name", "orthogonal", "origin", jar.toString()),
                        Map.of("kind", "optimizer", "name", "nesterov", "origin", jar.toString()),
                        Map.of("kind", "schedule", "name", "polynomial", "origin", jar.toString()));
        assertThat(((Map<String, Object>) report.get("config")).get("optimizer").toString()).contains("nesterov");
    }

    /** The "from:" line under a plugin's entry in the output of {@code strata plugins}. */
    private static String originOf(List<String> lines, String name) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("  " + name) || lines.get(i).startsWith("  " + name + " - ")) {
                at = i;
                break;
            }
        }
        assertThat(at).as("%s listed in%n%s", name, String.join("\n", lines)).isNotNegative();
        for (int i = at + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("from: ")) {
                return line.substring("from: ".length());
            }
        }
        throw new AssertionError("no origin under " + name);
    }
}
