package dev.strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedRunRemovesTheTemporaryFilesAKilledWriteLeftAndNothingElse() throws IOException {
        Files.writeString(dir.resolve(".checkpoint.npz.k3j2q.tmp"), "half a checkpoint");
        Files.writeString(dir.resolve(".report.json.x1.tmp"), "half a report");
        Files.writeString(dir.resolve("report.json"), "{}");
        Files.writeString(dir.resolve("notes.tmp"), "the user's");

        RunFolder.removeLeftovers(dir);

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "notes.tmp");
        }
    }
}
