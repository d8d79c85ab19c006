package dev.strata.cli;

import dev.strata.spi.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output file's place before any work, so that a typo does not cost a whole evaluation. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void requireWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException("--out " + file + " is a folder", "give a file name, e.g. "
                    + file.resolve("predictions.csv"));
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException("--out " + file + ": the folder " + parent + " does not exist"
                    + (parent != null && Files.exists(parent) ? " (it is a file)" : ""), "create the folder first, or"
                    + " write the file elsewhere");
        }
        if (!Files.isWritable(parent)) {
            throw new BadInputException("--out " + file + ": the folder " + parent + " is not writable",
                    "write the file elsewhere");
        }
    }
}
