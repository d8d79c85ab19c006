package dev.strata.engine;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Zero-filled native memory in one precision, for OpenBLAS to read and write. Values cross to and
 * from Java arrays in bulk (one JNI call), where the engine's elementwise loops run: on layer-sized
 * arrays that is cheaper than any per-element access to native memory, and the loops vectorise.
 * Not thread-safe (float32 copies stage through a reused array).
 */
final class NativeBuffer {
    private final Precision precision;
    private final long length;
    private final Pointer pointer;
    /** The same memory addressed in bytes, for memcpy (a typed pointer's position counts values). */
    private final BytePointer bytes;
    private float[] staging = new float[0];

    NativeBuffer(Precision precision, long length) {
        // JavaCPP's pointer classes load native code in their static initialisers under one lock;
        // letting Blas load everything first keeps two threads from initialising them crosswise
        Blas.load();
        this.precision = precision;
        this.length = length;
        long n = Math.max(1, length);
        this.pointer = precision == Precision.FLOAT64 ? new DoublePointer(n) : new FloatPointer(n);
        Pointer.memset(pointer, 0, n * precision.bytes());
        this.bytes = new BytePointer(pointer).capacity(n * precision.bytes());
    }

    Precision precision() {
        return precision;
    }

    long length() {
        return length;
    }

    /** A new pointer object at value {@code offset} (for BLAS); allocate views once, not per step. */
    Pointer at(long offset) {
        if (offset < 0 || offset > length) {
            throw new IndexOutOfBoundsException("offset " + offset + " in a buffer of " + length);
        }
        Pointer view = precision == Precision.FLOAT64 ? new DoublePointer(pointer) : new FloatPointer(pointer);
        return view.position(offset);
    }

    /** {@code into[to .. to + n) := this[from .. from + n)}. */
    void read(long from, double[] into, int to, int n) {
        check(from, n);
        if (precision == Precision.FLOAT64) {
            ((DoublePointer) pointer).position(from).get(into, to, n);
            pointer.position(0);
        } else {
            float[] f = staging(n);
            ((FloatPointer) pointer).position(from).get(f, 0, n);
            pointer.position(0);
            for (int i = 0; i < n; i++) {
                into[to + i] = f[i];
            }
        }
    }

    /**
     * {@code this[at .. at + n) := from[offset .. offset + n)}; in float32 each value is rounded, and
     * written back rounded into {@code from} too when {@code roundSource}, so that the Java copy
     * holds exactly what native memory holds.
     */
    void write(long at, double[] from, int offset, int n, boolean roundSource) {
        check(at, n);
        if (precision == Precision.FLOAT64) {
            ((DoublePointer) pointer).position(at).put(from, offset, n);
        } else {
            float[] f = staging(n);
            // two loops, which the JIT vectorises (see Kernels.round)
            for (int i = 0; i < n; i++) {
                f[i] = (float) from[offset + i];
            }
            if (roundSource) {
                for (int i = 0; i < n; i++) {
                    from[offset + i] = f[i];
                }
            }
            ((FloatPointer) pointer).position(at).put(f, 0, n);
        }
        pointer.position(0);
    }

    /** Copies {@code n} values from {@code source} at {@code from} to this buffer at {@code to}. */
    void copyFrom(NativeBuffer source, long from, long to, long n) {
        if (source.precision != precision) {
            throw new IllegalArgumentException("copy between " + source.precision + " and " + precision);
        }
        source.check(from, n);
        check(to, n);
        int size = precision.bytes();
        Pointer.memcpy(bytes.position(to * size), source.bytes.position(from * size), n * size);
    }

    private float[] staging(int n) {
        if (staging.length < n) {
            staging = new float[n];
        }
        return staging;
    }

    private void check(long from, long n) {
        if (from < 0 || n < 0 || from + n > length) {
            throw new IndexOutOfBoundsException("values [" + from + ", " + (from + n) + ") of a buffer of " + length);
        }
    }
}
