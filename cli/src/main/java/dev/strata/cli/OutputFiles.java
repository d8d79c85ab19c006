package dev.strata.cli;

import dev.strata.run.RunFiles;
import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * As {@link #requireWritable(Path)}, and never one of the run folder's own files (a CSV written
     * over model.npz destroyed the trained model) or one of the command's inputs.
     */
    static void requireWritable(Path file, Path runDir, List<Path> inputs) throws IOException {
        requireWritable(file);
        String name = file.getFileName().toString();
        Path folder = file.toAbsolutePath().getParent().toRealPath();
        if (RunFiles.ALL.contains(name) && Files.isDirectory(runDir) && folder.equals(runDir.toRealPath())) {
            throw new BadInputException("--out " + file + " would overwrite the run's own " + name,
                    "write to another file, e.g. " + runDir.resolve("predictions.csv"));
        }
        for (Path input : Files.exists(file) ? inputs : List.<Path>of()) {
            if (Files.exists(input) && Files.isSameFile(file, input)) {
                throw new BadInputException("--out " + file + " is this command's input " + input
                        + "; writing there would replace it", "write to another file, e.g. "
                        + file.resolveSibling("predictions.csv"));
            }
        }
    }
}
