package dev.strata.io;

import dev.strata.spi.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy {@code .npz} archives: a zip of {@code NAME.npy} entries. Entries are written uncompressed
 * (STORED), which every npz reader handles; numpy's {@code np.load} reads both.
 */
public final class Npz {
    private Npz() {
    }

    /** Writes {@code arrays} in iteration order as {@code NAME.npy} entries, atomically. */
    public static void write(Path file, Map<String, NumpyArray> arrays) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        arrays.forEach((name, array) -> entries.put(name + ".npy", Npy.encode(array)));
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    byte[] bytes = e.getValue();
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                    zip.putNextEntry(entry);
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
        });
    }

    /** One array at most this large when inflated: 64 million float64 values, a model of that many weights. */
    public static final int MAX_ENTRY_BYTES = 512 << 20;

    /** Reads every {@code .npy} entry, in archive order, keyed by its name without {@code .npy}. */
    public static LinkedHashMap<String, NumpyArray> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no such file: " + file, "check the path");
        }
        LinkedHashMap<String, NumpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    // never trust the entry's declared size: read at most the limit (a zip bomb's
                    // 4 MB can inflate to gigabytes)
                    bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
                }
                if (bytes.length > MAX_ENTRY_BYTES) {
                    throw new BadInputException(file + " entry " + name + " inflates to more than "
                            + (MAX_ENTRY_BYTES >> 20) + " MiB, larger than any model Strata writes",
                            "the file is damaged or not a Strata model; train again");
                }
                String key = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
                arrays.put(key, Npy.decode(bytes, file + " entry " + name));
            }
        } catch (ZipException | NoSuchFileException e) {
            throw new BadInputException(file + " is not a readable .npz archive (" + e.getMessage() + ")",
                    "write it with np.savez or with Strata", e);
        }
        return arrays;
    }
}
