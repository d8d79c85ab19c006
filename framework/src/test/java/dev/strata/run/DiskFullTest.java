package dev.strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.spi.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk names the run folder and what was kept (checked by hand on a 200 kB tmpfs, where
 * `strata train configs/cat-logistic.yaml --out /tmp/full/run` ends with exactly this message).
 */
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskSaysWhichFolderAndThatTheCheckpointIsKept() throws IOException {
        Files.writeString(dir.resolve(Checkpoint.FILE), "x");
        RuntimeException e = DiskFull.named(new UncheckedIOException("writing the checkpoint failed",
                new IOException("No space left on device")), dir);
        assertThat(e).isInstanceOf(StrataException.class).hasMessageContaining("the disk holding " + dir
                + " is full (No space left on device)").hasMessageContaining("continue with strata train --resume");
        assertThat(((StrataException) e).exitCode()).isEqualTo(1);
    }

    @Test
    void withoutACheckpointItSaysNothingWasKept() {
        RuntimeException e = DiskFull.named(new IOException("No space left on device"), dir);
        assertThat(e).hasMessageContaining("nothing of this run was kept");
    }

    @Test
    void otherFailuresPassUnchanged() {
        IOException other = new IOException("Permission denied");
        assertThat(DiskFull.named(other, dir)).isInstanceOf(UncheckedIOException.class).hasCause(other);
    }
}
