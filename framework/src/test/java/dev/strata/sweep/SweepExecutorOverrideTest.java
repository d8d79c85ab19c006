package dev.strata.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.registry.PluginRegistry;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.SpecException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code strata sweep --set executor.KEY=VALUE}: the executor block from the command line. */
class SweepExecutorOverrideTest {
    private static final Path FILE = Path.of("sweep.yaml");
    private static final String SWEEP = "base: " + Path.of("..", "configs", "cat-deep.yaml").toAbsolutePath().normalize()
            + "\nparameters: {optimizer.learning_rate: [0.01, 0.02]}\nobjective: {metric: test.accuracy}\n";
    private static SweepParser parser;

    @BeforeAll
    static void plugins() {
        parser = new SweepParser(StrataInjector.create(List.of()).getInstance(PluginRegistry.class));
    }

    @Test
    void aParameterIsSetOnTheFilesExecutorBlock() {
        SweepSpec spec = parser.parse(SWEEP + "executor: {type: local, parallelism: 2}\n", FILE,
                List.of("executor.blas_threads=1"));

        assertThat(spec.executor().type()).isEqualTo("local");
        assertThat(spec.executor().params().getString("parallelism")).isEqualTo("2");
        assertThat(spec.executor().params().getString("blas_threads")).isEqualTo("1");
    }

    @Test
    void theSameTypeKeepsTheBlocksParametersAndAMissingBlockStartsFromTheDefaultExecutor() {
        SweepSpec same = parser.parse(SWEEP + "executor: {type: local, parallelism: 2}\n", FILE,
                List.of("executor.type=local"));
        SweepSpec missing = parser.parse(SWEEP, FILE, List.of("executor.parallelism=1"));

        assertThat(same.executor().params().getString("parallelism")).isEqualTo("2");
        assertThat(missing.executor().type()).isEqualTo("local");
        assertThat(missing.executor().params().getString("parallelism")).isEqualTo("1");
    }

    @Test
    void anUnknownTypeIsReportedWithTheOverrideAsItsPlace() {
        assertThatThrownBy(() -> parser.parse(SWEEP, FILE, List.of("executor.type=nowhere")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("--set executor.type=nowhere").hasMessageContaining("nowhere");
    }

    @Test
    void onlyTheExecutorCanBeSetBecauseResumeReplansFromTheFile() {
        assertThatThrownBy(() -> parser.parse(SWEEP, FILE, List.of("training.iterations=3")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("a sweep takes --set only for its executor")
                .hasMessageContaining("change training.iterations in the sweep file");
    }
}
