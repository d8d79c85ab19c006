package dev.strata.io;

import dev.strata.spi.BadInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numpy {@code .npy} format, version 1.0, for float64 and float32 arrays: values are always
 * written in C order with {@code fortran_order: False}, and the header is padded exactly as numpy
 * 1.24 pads it, so files are byte-identical to {@code np.save}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy leaves room for the first axis to grow to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The {@code .npy} bytes of {@code array}: {@code '<f4'} for float32 arrays, {@code '<f8'} otherwise. */
    public static byte[] encode(NumpyArray array) {
        boolean single = array.single();
        int[] shape = array.shape();
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        byte[] header = header(single ? "<f4" : "<f8", dims);
        double[] values = array.values();
        int itemSize = single ? 4 : 8;
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(header.length + (long) values.length * itemSize))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(header);
        for (double v : values) {
            if (single) {
                buffer.putFloat((float) v);
            } else {
                buffer.putDouble(v);
            }
        }
        return buffer.array();
    }

    static byte[] header(String descr, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : "");
            if (i < shape.length - 1) {
                dict.append(", ");
            }
        }
        dict.append("), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int prefix = MAGIC.length + 4; // magic, version 1.0, 2-byte header length
        // As numpy: a full block of padding when the header would already end on the boundary.
        int padding = ALIGN - (prefix + dict.length() + 1) % ALIGN;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return out.array();
    }

    /**
     * Parses {@code .npy} bytes ({@code '<f8'} or {@code '<f4'}, either memory order, any rank)
     * into a C-order array.
     *
     * @param source names the file (and entry) in error messages
     */
    public static NumpyArray decode(byte[] bytes, String source) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) {
            throw bad(source, "is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        in.position(8);
        int headerLength = major == 1 ? Short.toUnsignedInt(in.getShort()) : major <= 3 ? in.getInt() : -1;
        if (headerLength < 0 || in.position() + headerLength > bytes.length) {
            throw bad(source, "has an unsupported .npy version " + major + " or a truncated header");
        }
        String header = new String(bytes, in.position(), headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int dataStart = in.position() + headerLength;
        String descr = find(DESCR, header, source, "descr");
        boolean fortran = find(FORTRAN, header, source, "fortran_order").equals("True");
        long[] shape = parseShape(find(SHAPE, header, source, "shape"), source);
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        int itemSize = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw bad(source, "holds dtype '" + descr + "'; only float64 ('<f8') and float32 ('<f4') are read");
        };
        if (bytes.length - dataStart != count * itemSize) {
            throw bad(source, "holds " + (bytes.length - dataStart) + " data bytes, expected " + count * itemSize
                    + " for shape " + java.util.Arrays.toString(shape) + " (truncated?)");
        }
        in.position(dataStart);
        int n = Math.toIntExact(count);
        double[] values = new double[n];
        if (itemSize == 8) {
            in.asDoubleBuffer().get(values);
        } else {
            java.nio.FloatBuffer floats = in.asFloatBuffer();
            for (int i = 0; i < n; i++) {
                values[i] = floats.get(i);
            }
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return new NumpyArray(dims, fortran && dims.length > 1 ? toCOrder(values, dims) : values, itemSize == 4);
    }

    /** Values stored in Fortran (column-major) order, reordered to C order. */
    private static double[] toCOrder(double[] fortran, int[] shape) {
        double[] out = new double[fortran.length];
        int rank = shape.length;
        int[] index = new int[rank];
        for (int f = 0; f < fortran.length; f++) {
            int c = 0;
            for (int d = 0; d < rank; d++) {
                c = c * shape[d] + index[d];
            }
            out[c] = fortran[f];
            for (int d = 0; d < rank && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return out;
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static String find(Pattern pattern, String header, String source, String key) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw bad(source, "has a .npy header without '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(String text, String source) {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                try {
                    dims.add(Long.parseLong(trimmed));
                } catch (NumberFormatException e) {
                    throw bad(source, "has a .npy shape that is not a tuple of integers: (" + text + ")");
                }
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static BadInputException bad(String source, String what) {
        return new BadInputException(source + " " + what, "write it with numpy's np.save / np.savez or with Strata");
    }
}
