package dev.strata.plugins.data;

import dev.strata.spi.StoredFeatures;
import io.jhdf.api.Dataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteBuffer;

/**
 * A numeric HDF5 dataset read as features in the narrowest type that holds its values exactly:
 * uint8 stays bytes; int8, uint8-signed, (u)int16 and float32 become floats; wider types doubles.
 * The raw bytes are read in slices of whole examples (one slice per chunk of the result) and
 * decoded in bulk, never element by element through boxed or widened arrays.
 */
final class Hdf5Features {
    private Hdf5Features() {
    }

    /** Examples along the first dimension; each example's values row-major over the others. */
    static StoredFeatures read(Dataset dataset) {
        int[] dims = dataset.getDimensions();
        int count = dims[0];
        long wide = 1;
        for (int d = 1; d < dims.length; d++) {
            wide *= dims[d];
        }
        int width = Math.toIntExact(wide);
        int perChunk = StoredFeatures.examplesPerChunk(width);
        int chunks = (count + perChunk - 1) / perChunk;
        Kind kind = Kind.of(dataset.getDataType());
        Object[] arrays = kind.arrays(chunks);
        for (int c = 0; c < chunks; c++) {
            int first = c * perChunk;
            int n = Math.min(perChunk, count - first);
            arrays[c] = kind.decode(slice(dataset, dims, first, n), n * width);
        }
        return switch (kind) {
            case BYTES -> new StoredFeatures.UInt8((byte[][]) arrays, width, count, perChunk);
            case DOUBLES -> new StoredFeatures.Float64((double[][]) arrays, width, count, perChunk);
            default -> new StoredFeatures.Float32((float[][]) arrays, width, count, perChunk);
        };
    }

    private static ByteBuffer slice(Dataset dataset, int[] dims, int first, int n) {
        long[] offset = new long[dims.length];
        offset[0] = first;
        int[] shape = dims.clone();
        shape[0] = n;
        ByteBuffer bytes = ((DatasetBase) dataset).getSliceDataBuffer(offset, shape);
        return bytes.order(((io.jhdf.object.datatype.OrderedDataType) dataset.getDataType()).getByteOrder());
    }

    /** How one stored type decodes. */
    private enum Kind {
        BYTES, SIGNED_BYTES, SHORTS, UNSIGNED_SHORTS, FLOATS, INTS, UNSIGNED_INTS, LONGS, UNSIGNED_LONGS, DOUBLES;

        static Kind of(DataType type) {
            if (type instanceof FloatingPoint) {
                return switch (type.getSize()) {
                    case 4 -> FLOATS;
                    case 8 -> DOUBLES;
                    default -> throw new IllegalArgumentException(type.getSize() * 8 + "-bit floating point");
                };
            }
            FixedPoint fixed = (FixedPoint) type;
            return switch (fixed.getSize()) {
                case 1 -> fixed.isSigned() ? SIGNED_BYTES : BYTES;
                case 2 -> fixed.isSigned() ? SHORTS : UNSIGNED_SHORTS;
                case 4 -> fixed.isSigned() ? INTS : UNSIGNED_INTS;
                case 8 -> fixed.isSigned() ? LONGS : UNSIGNED_LONGS;
                default -> throw new IllegalArgumentException(fixed.getSize() * 8 + "-bit integers");
            };
        }

        Object[] arrays(int chunks) {
            return switch (this) {
                case BYTES -> new byte[chunks][];
                case SIGNED_BYTES, SHORTS, UNSIGNED_SHORTS, FLOATS -> new float[chunks][];
                default -> new double[chunks][];
            };
        }

        Object decode(ByteBuffer in, int n) {
            switch (this) {
                case BYTES: {
                    byte[] out = new byte[n];
                    in.get(out);
                    return out;
                }
                case FLOATS: {
                    float[] out = new float[n];
                    in.asFloatBuffer().get(out);
                    return out;
                }
                case DOUBLES: {
                    double[] out = new double[n];
                    in.asDoubleBuffer().get(out);
                    return out;
                }
                default:
                    return widened(in, n);
            }
        }

        private Object widened(ByteBuffer in, int n) {
            float[] floats = this == SIGNED_BYTES || this == SHORTS || this == UNSIGNED_SHORTS ? new float[n] : null;
            double[] doubles = floats == null ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                double v = switch (this) {
                    case SIGNED_BYTES -> in.get(i);
                    case SHORTS -> in.getShort(2 * i);
                    case UNSIGNED_SHORTS -> in.getShort(2 * i) & 0xFFFF;
                    case INTS -> in.getInt(4 * i);
                    case UNSIGNED_INTS -> in.getInt(4 * i) & 0xFFFFFFFFL;
                    case LONGS -> in.getLong(8 * i);
                    default -> unsigned(in.getLong(8 * i));
                };
                if (floats != null) {
                    floats[i] = (float) v;
                } else {
                    doubles[i] = v;
                }
            }
            return floats != null ? floats : doubles;
        }

        private static double unsigned(long v) {
            double d = (double) (v >>> 1) * 2.0;
            return v >= 0 ? v : d + (v & 1);
        }
    }
}
