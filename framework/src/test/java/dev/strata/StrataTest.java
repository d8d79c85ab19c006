package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.run.RunResult;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade for scripts goes through the same run lifecycle as the CLI. */
class StrataTest {
    @TempDir
    Path dir;

    @Test
    void trainingIntoAFolderWritesTheRunAndNeverOverwritesAnExistingOne() throws Exception {
        Strata strata = Strata.create();
        ModelSpec spec = strata.load(Path.of("..", "configs", "cat-deep.yaml"), "training.iterations=3");
        Path out = dir.resolve("run");

        RunResult run = strata.train(spec, out);

        assertThat(run.training().updates()).isEqualTo(3);
        for (String file : new String[] {"config.yaml", "report.json", "report.md", "model.npz", "model.json"}) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        String report = Files.readString(out.resolve("report.json"));
        assertThatThrownBy(() -> strata.train(spec, out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("the run folder " + out + " already exists and is not empty")
                .hasMessageContaining("choose another --out, or remove").hasMessageContaining("to start over in it");
        assertThat(Files.readString(out.resolve("report.json"))).as("the first run's report is untouched")
                .isEqualTo(report);
    }

    @Test
    void trainingWithoutAFolderWritesNothing() {
        Strata strata = Strata.create();
        RunResult run = strata.train(strata.load(Path.of("..", "configs", "cat-logistic.yaml"), "training.iterations=2"));

        assertThat(run.test().get("accuracy")).isBetween(0.0, 1.0);
        assertThat(run.training().costs()).hasSize(2);
    }
}
