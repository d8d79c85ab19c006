package dev.strata.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specs are untrusted input: hostile YAML must fail fast with a clear error and build nothing. */
class SpecSafetyTest {
    private final SpecLoader loader = new SpecLoader(FakePlugins.registry());

    private SpecException refuse(String yaml) {
        SpecException error = catchThrowableOfType(SpecException.class,
                () -> loader.loadString(yaml, Path.of("evil.yaml"), List.of()));
        assertThat(error).as("hostile YAML must be refused").isNotNull();
        return error;
    }

    @Test
    void refusesTheScriptEngineGadgetWithoutLoadingAnything() {
        SpecException error = refuse("name: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n");

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.UNSUPPORTED_TAG);
            assertThat(e.message()).contains("'!!javax.script.ScriptEngineManager'");
            assertThat(e.location()).isEqualTo(new Location("evil.yaml", 1, 7));
        });
    }

    @Test
    void neverInstantiatesATaggedClass() {
        Canary.created = false;

        refuse("name: !!dev.strata.spec.Canary []\nseed: !!dev.strata.spec.Canary {}\n");

        assertThat(Canary.created).isFalse();
    }

    @Test
    void refusesLocalTagsByName() {
        SpecException error = refuse("seed: !seed 3\nname: !!binary aGVsbG8=\n");

        assertThat(error.errors()).extracting(SpecError::message).containsExactly(
                "the tag '!seed' is not allowed in a spec", "the tag '!!binary' is not allowed in a spec");
    }

    @Test
    void refusesTheBillionLaughsQuickly() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }

        SpecException error = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refuse(yaml.toString()));

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.TOO_LARGE);
            assertThat(e.message()).contains("aliases");
        });
    }

    @Test
    void refusesADoublingAliasChainThatStaysUnderTheAliasLimit() {
        // 24 levels of two aliases each: 48 aliases, but 2^25 values once expanded.
        StringBuilder yaml = new StringBuilder("l0: &l0 [x, x]\n");
        for (int level = 1; level <= 24; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append("]\n");
        }

        SpecException error = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refuse(yaml.toString()));

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.TOO_LARGE);
            assertThat(e.message()).contains("more than 100000 values");
        });
    }

    @Test
    void refusesDeepNesting() {
        String yaml = "a: " + "[".repeat(500) + "]".repeat(500) + "\n";

        SpecException error = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refuse(yaml));

        assertThat(error.errors()).extracting(SpecError::kind).containsExactly(SpecError.Kind.TOO_LARGE);
    }

    @Test
    void refusesFilesOverOneMebibyteSayingSo() {
        String yaml = "# " + "x".repeat(1 << 20) + "\nname: big\n";

        SpecException error = refuse(yaml);

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.TOO_LARGE);
            assertThat(e.message()).contains("1 MiB");
        });
    }

    @Test
    void refusesRecursiveAliasesAndMergeKeys() {
        assertThat(refuse("a: &a [x, *a]\n").errors()).extracting(SpecError::kind)
                .containsExactly(SpecError.Kind.RECURSIVE_ALIAS);
        SpecException merge = refuse("base: &b {units: 1}\nlayer: {<<: *b, activation: relu}\n");
        assertThat(merge.errors()).extracting(SpecError::message).contains("merge keys (<<) are not supported");
    }

    @Test
    void turnsOddInputIntoAClearErrorInsteadOfACrash() {
        for (String odd : List.of("\u0001name: x\n", "? [a, b]\n: c\n", "--- a\n--- b\n",
                "&a [*b]\n", "name: x\n\tseed: 1\n", "!<tag:yaml.org,2002:str> x\n", "{", "[a, b\n",
                "name: 'unterminated\n", "%YAML 9.9\n--- a\n", "a: *nothing\n")) {
            SpecException error = refuse(odd);
            assertThat(error.getMessage()).as("input %s", odd).startsWith("1 error in evil.yaml:");
        }
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        SpecException error = refuse("name: cat\nmodel:\n  layers: [\n    {units: 1\n");

        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SpecError.Kind.SYNTAX);
            assertThat(e.location().line()).isEqualTo(5);
            assertThat(e.location().column()).isEqualTo(1);
        });
    }
}

/** Records whether anything ever constructed it. */
final class Canary {
    static volatile boolean created;

    Canary() {
        created = true;
    }
}
