package dev.strata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWithTheNewContent() throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new é");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new é");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void createsMissingFolders() throws IOException {
        Path target = dir.resolve("runs/a/b/weights.bin");
        AtomicFiles.writeBytes(target, new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    @Test
    void aFailingWriterLeavesTheOldFileIntactAndNoTempFileBehind() throws IOException {
        Path target = dir.resolve("checkpoint.npz");
        AtomicFiles.writeString(target, "previous checkpoint");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("previous checkpoint");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aWriterThrowingAnUncheckedExceptionAlsoLeavesNoTrace() throws IOException {
        Path target = dir.resolve("new.txt");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aWriterMayCloseTheStreamItWasGiven() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write('x');
            out.close();
        });

        assertThat(Files.readString(target)).isEqualTo("x");
    }

    @Test
    void newFilesAreReadableByOthersLikeAnyFileTheUserCreates() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("report.json");
        AtomicFiles.writeString(atomic, "{}");

        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    private static java.util.List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
