package dev.strata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.strata.engine.DivergenceException;
import dev.strata.registry.StrataInjector;
import dev.strata.spec.ModelSpec;
import dev.strata.spec.SpecLoader;
import dev.strata.spi.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one run lifecycle the CLI, the facade and sweep trials share. */
class RunsTest {
    private static Injector injector;

    @TempDir
    Path dir;

    @BeforeAll
    static void plugins() {
        injector = StrataInjector.create(List.of());
    }

    private static ModelSpec spec(String... overrides) {
        return injector.getInstance(SpecLoader.class).load(Path.of("..", "configs", "cat-logistic.yaml"),
                List.of(overrides));
    }

    private Runs.Outcome run(ModelSpec spec, Path out) throws Exception {
        return injector.getInstance(Runs.class).run(spec, out, Runs.Options.plain(), new Runs.Listener() {
        });
    }

    /** A listener that asks the run to stop (as Ctrl-C does) after {@code count} steps. */
    private static Runs.Listener stoppingAfter(int count) {
        return new Runs.Listener() {
            private int steps;

            @Override
            public void stepped(int step) {
                steps++;
            }

            @Override
            public boolean stopRequested() {
                return steps >= count;
            }
        };
    }

    @Test
    void aFolderThatExistsAndHoldsAnythingIsRefusedBeforeAnyDataIsRead() throws Exception {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> run(spec("training.iterations=2"), out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("already exists and is not empty");
        assertThat(out.resolve("notes.txt")).content().isEqualTo("mine");
        assertThat(out.resolve(RunFiles.CONFIG)).doesNotExist();
    }

    @Test
    void aFolderAnotherRunIsWritingIsRefused() throws Exception {
        Path out = dir.resolve("busy");
        try (RunFolder held = RunFolder.lock(out)) {
            assertThatThrownBy(() -> run(spec("training.iterations=2"), out))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("another Strata run is writing " + out)
                    .hasMessageContaining("wait for it to finish, or choose another --out");
        }
        assertThat(run(spec("training.iterations=2"), out).stopped()).isFalse();
    }

    @Test
    void theResolvedSpecIsWrittenFirstSoADivergedRunStillShowsWhatItRan() {
        Path out = dir.resolve("diverged");

        assertThatThrownBy(() -> run(spec("training.iterations=50", "optimizer.learning_rate=1e9",
                "data.preprocessing.scale=1"), out))
                .isInstanceOf(DivergenceException.class)
                .hasMessageContaining("optimizer.learning_rate: 1.0E9")
                .hasMessageContaining("--set optimizer.learning_rate=1.0E8");
        assertThat(out.resolve(RunFiles.CONFIG)).isRegularFile();
        assertThat(out.resolve(RunFiles.REPORT_JSON)).doesNotExist();
    }

    @Test
    void aCheckpointIsNotResumedUnderAnEditedConfigAndIsKept() throws Exception {
        Path out = dir.resolve("edited");
        Runs runs = injector.getInstance(Runs.class);
        Runs.Outcome stopped = runs.run(spec("training.iterations=40"), out, Runs.Options.plain(), stoppingAfter(10));
        assertThat(stopped.stopped()).isTrue();
        Path config = out.resolve(RunFiles.CONFIG);
        String text = Files.readString(config);
        assertThat(text).contains("learning_rate: 0.005");
        Files.writeString(config, text.replace("learning_rate: 0.005", "learning_rate: 0.5"));

        assertThatThrownBy(() -> runs.resume(out, Runs.Options.plain(), new Runs.Listener() {
        }))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(config + " was changed after " + out.resolve(Checkpoint.FILE) + " was written")
                .hasMessageContaining("undo the change to resume, or train the changed spec as a new run: strata train "
                        + config + " --out NEW_FOLDER");
        assertThat(out.resolve(Checkpoint.FILE)).as("kept").isRegularFile();

        // undone, the same checkpoint resumes to the end
        Files.writeString(config, text);
        Runs.Outcome resumed = runs.resume(out, Runs.Options.plain(), new Runs.Listener() {
        });
        assertThat(resumed.stopped()).isFalse();
        assertThat(resumed.result().training().costs()).isNotEmpty();
    }

    @Test
    void aResumedRunUsesTheBlasThreadsItsCheckpointRecorded() throws Exception {
        Path out = dir.resolve("threads");
        Runs runs = injector.getInstance(Runs.class);
        int cores = Runtime.getRuntime().availableProcessors();
        // the count is one setting per process, which runs in concurrent tests choose too: Blas changes
        // it only while holding its class's monitor, so holding it keeps theirs out until this test ends
        synchronized (dev.strata.engine.Blas.class) {
            boolean automatic = dev.strata.engine.Blas.automaticThreads();
            int before = dev.strata.engine.Blas.threads();
            try {
                // as the CLI runs without --threads: each run chooses, and this small model alone chooses one
                dev.strata.engine.Blas.setAutomaticThreads();
                Runs.Outcome stopped = runs.run(spec("training.iterations=40", "training.checkpoint_every=10"), out,
                        Runs.Options.plain(), stoppingAfter(10));
                assertThat(stopped.stopped()).isTrue();
                Checkpoint written = Checkpoint.read(out);
                assertThat(written.blasThreads()).as("recorded").isEqualTo(1);

                // as if the run had started on an idle machine with two threads: the resumed run keeps them
                new Checkpoint(written.stepsDone(), written.updates(), written.random(), written.parameters(),
                        written.optimizerState(), written.engineState(), written.costs(), written.monitorState(), 2)
                        .write(out);
                runs.resume(out, Runs.Options.plain(), new Runs.Listener() {
                });
                assertThat(dev.strata.engine.Blas.threads()).isEqualTo(Math.min(2, cores));
            } finally {
                if (automatic) {
                    dev.strata.engine.Blas.setAutomaticThreads();
                } else {
                    dev.strata.engine.Blas.setThreads(Math.max(1, before));
                }
            }
        }
    }
}
