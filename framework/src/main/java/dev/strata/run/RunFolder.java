package dev.strata.run;

import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A run folder and the rules for writing one: never silently overwritten, and written by one
 * process at a time. The lock is an operating-system lock on {@value #LOCK}, which the system
 * releases when the process ends however it ends, so a crash cannot leave it stuck.
 */
public final class RunFolder implements AutoCloseable {
    static final String LOCK = ".strata.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** {@code runs/<name>-<yyyyMMdd-HHmmss>}. */
    public static Path defaultFor(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return Path.of("runs", name + "-" + stamp);
    }

    /** Refuses a folder that exists and holds anything (a file in its place too). */
    public static void requireFresh(Path dir) throws IOException {
        if (holdsAnything(dir)) {
            boolean unfinished = Files.exists(dir.resolve(RunFiles.CONFIG)) && !Files.exists(dir.resolve(RunFiles.REPORT_JSON));
            throw new BadInputException("the run folder " + dir + " already exists and is not empty" + (unfinished
                    ? " (a run that stopped before it finished" + (Checkpoint.exists(dir) ? "; it has a checkpoint"
                            : " and before its first checkpoint") + ")" : ""),
                    unfinished && Checkpoint.exists(dir) ? "continue it with strata train --resume " + dir
                            + ", or choose another --out" : "choose another --out, or remove " + dir
                            + " to start over in it");
        }
    }

    /**
     * As {@link #requireFresh(Path)} for a sweep's folder: {@code sweepFile} is the file an earlier
     * sweep leaves in it, which {@code strata sweep --resume} continues.
     */
    public static void requireFreshSweep(Path dir, String sweepFile) throws IOException {
        if (holdsAnything(dir)) {
            boolean sweep = Files.exists(dir.resolve(sweepFile));
            throw new BadInputException("the sweep folder " + dir + " already exists and is not empty"
                    + (sweep ? " (it holds an earlier sweep)" : ""), sweep ? "continue that sweep with strata sweep"
                    + " --resume " + dir + ", or choose another --out" : "choose another --out, or remove " + dir
                    + " to start over in it");
        }
    }

    /** Whether {@code dir} exists and holds anything but its lock; refuses a file in its place or above it. */
    private static boolean holdsAnything(Path dir) throws IOException {
        for (Path up = dir.toAbsolutePath().getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new BadInputException("--out " + dir + ": " + up + " is a file, not a folder",
                            "choose an --out whose parent folders are folders");
                }
                break;
            }
        }
        if (!Files.exists(dir)) {
            return false;
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--out " + dir + " is a file", "choose a folder path for --out");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(LOCK));
        }
    }

    /** Deletes temporary files a killed write left behind ({@code .NAME.*.tmp}); a finished run needs none. */
    static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Creates {@code dir} if needed and takes its lock.
     *
     * @throws BadInputException when another process holds it
     */
    public static RunFolder lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new BadInputException("another Strata run is writing " + dir + " right now",
                    "wait for it to finish, or choose another --out");
        }
        return new RunFolder(dir, channel, lock);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
