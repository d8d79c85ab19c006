package dev.strata.run;

import dev.strata.spi.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A write that failed because the disk is full becomes a message that names the run folder, says
 * what was kept and how to go on (exit 1); any other I/O failure passes unchanged.
 */
final class DiskFull {
    private DiskFull() {
    }

    static RuntimeException named(Exception e, Path dir) {
        if (!isDiskFull(e)) {
            return e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
        boolean kept = Checkpoint.exists(dir);
        return new StrataException("the disk holding " + dir.toAbsolutePath() + " is full (" + rootMessage(e) + ")"
                + (kept ? "; the last checkpoint, " + dir.resolve(Checkpoint.FILE) + ", is kept: free some space and"
                        + " continue with strata train --resume " + dir : "; nothing of this run was kept beyond "
                        + dir.resolve(RunFiles.CONFIG) + ": free some space and train again (or write elsewhere with"
                        + " --out)"), 1);
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota"
                    + " exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
