package dev.strata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One invalid spec per kind of mistake under {@code spec-errors/NAME.yaml}, with the exact message
 * users see in {@code spec-errors/NAME.txt} ({@code <tmp>} stands for the spec's folder, {@code <cwd>} for the working directory). The first
 * line of each spec, {@code # expect: KIND, ...}, lists the error kinds in order.
 */
class SpecErrorMessagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"unknown-activation", "unknown-key", "missing-keys", "missing-parameter-of-bare-name",
            "wrong-types", "yaml11-boolean", "out-of-range", "learning-rate-must-be-positive", "number-notation",
            "version-name-dtype", "path-not-found", "no-layers", "training-both-modes",
            "training-epochs-without-batch-size", "training-batch-size-without-epochs", "loss-mismatch",
            "unknown-parameter", "unknown-format", "duplicate-key", "unsafe-tag", "syntax-error", "empty",
            "root-not-mapping", "three-mistakes", "class-names", "training-input-gram"})
    void reportsEveryMistakeWithLocationPathAndFix(String name) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.h5"), "");
        Files.writeString(dir.resolve("data/test.h5"), "");
        String yaml = resource(name + ".yaml");
        SpecLoader loader = new SpecLoader(FakePlugins.registry());

        SpecException error = catchThrowableOfType(SpecException.class,
                () -> loader.loadString(yaml, dir.resolve(name + ".yaml"), List.of()));

        assertThat(error).as("%s must be refused", name).isNotNull();
        String message = error.getMessage().replace(dir.toString(), "<tmp>")
                .replace(Path.of("").toAbsolutePath().toString(), "<cwd>");
        Path actual = Path.of("target", "spec-errors-actual", name + ".txt");
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, message + "\n");
        assertThat(message + "\n").isEqualTo(resource(name + ".txt"));
        String expectLine = yaml.lines().findFirst().orElseThrow();
        List<SpecError.Kind> kinds = Arrays.stream(expectLine.replace("# expect:", "").split(","))
                .map(String::strip).map(SpecError.Kind::valueOf).toList();
        assertThat(error.errors()).extracting(SpecError::kind).containsExactlyElementsOf(kinds);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpecErrorMessagesTest.class.getResourceAsStream("/spec-errors/" + name)) {
            return in == null ? "(missing golden file " + name + ")\n"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
