package dev.strata.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.plugins.data.Hdf5DataSourceFactory;
import dev.strata.spi.BadInputException;
import dev.strata.spi.DataSource;
import dev.strata.spi.Params;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Any bytes in a .h5 file read through the hdf5 data source either load or fail with a
 * {@link BadInputException}; anything else escaping (a jhdf exception, an array index error, an
 * out-of-memory from a forged size) is a bug. Regression mode replays {@code Hdf5ReaderFuzzTestInputs/}.
 */
class Hdf5ReaderFuzzTest {
    private static final DataSource HDF5 = new Hdf5DataSourceFactory().create();

    @FuzzTest(maxDuration = "30s")
    void anyBytesLoadOrFailAsBadInput(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".h5");
        try {
            Files.write(file, bytes);
            expectOnlyBadInput(() -> HDF5.read(Params.of(Map.of("path", file, "features", "x", "labels", "y"))));
            expectOnlyBadInput(() -> HDF5.classNames(Params.of(Map.of("path", file, "dataset", "names"))));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Read {
        Object run() throws IOException;
    }

    static void expectOnlyBadInput(Read read) {
        try {
            read.run();
        } catch (BadInputException expected) {
            // the contract: a clear message for the user
        } catch (IOException e) {
            throw new UncheckedIOException("an IOException escaped instead of BadInputException", e);
        }
    }
}
