package dev.strata.plugins.data;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How HDF5 datasets are described in messages, and jhdf's arrays widened to doubles. */
final class Hdf5Types {
    private Hdf5Types() {
    }

    static String shapeText(int[] dims) {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static String typeText(Dataset dataset) {
        if (dataset.isCompound()) {
            return "compound records";
        }
        DataType type = dataset.getDataType();
        if (type instanceof FixedPoint fixed) {
            return (fixed.isSigned() ? "int" : "uint") + fixed.getSize() * 8;
        }
        if (type instanceof FloatingPoint) {
            return "float" + type.getSize() * 8;
        }
        if (type instanceof StringData) {
            return "strings";
        }
        return type.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * jhdf widens unsigned types (uint8 → int[], uint32 → long[], uint64 → BigInteger[]);
     * convert whichever primitive array it returns without boxing.
     */
    static double[] toDoubles(Object flat) {
        if (flat instanceof double[] d) {
            return d;
        }
        if (flat instanceof int[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof byte[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof short[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof long[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof BigInteger[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].doubleValue();
            }
            return out;
        }
        throw new IllegalStateException("unexpected HDF5 data of type " + flat.getClass().getSimpleName());
    }
}
