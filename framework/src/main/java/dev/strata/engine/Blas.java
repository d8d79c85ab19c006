package dev.strata.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matrix products straight to OpenBLAS's {@code cblas_?gemm} on the matrices' own memory, with
 * transpose flags instead of transposed copies. A call costs about 50 ns beyond its arithmetic
 * (measured here on 8×8 products), so even a 4-unit layer's products go to BLAS.
 */
public final class Blas {
    /** The thread count asked for before OpenBLAS was loaded; 0 for its own default. */
    private static volatile int requestedThreads;
    private static volatile boolean automatic;
    private static final Logger LOG = LoggerFactory.getLogger(Blas.class);
    private static volatile boolean loaded;

    private Blas() {
    }

    /**
     * Sets OpenBLAS's threads for this process (shared by everything running in it), capped to the
     * cores. Before the first product the setting is only remembered, so commands that never multiply
     * never load the library.
     */
    public static synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("BLAS threads must be at least 1, got " + threads);
        }
        automatic = false;
        use(threads);
    }

    /**
     * Products use {@code threads} from now on (from the first one, before the library is loaded), at
     * most one per core: OpenBLAS sizes its buffers for the cores it finds when it loads, and with one
     * thread more its copy kernels crash the JVM (a SIGSEGV in {@code dgemm_incopy}, 3 threads on 2 cores).
     */
    private static void use(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads > cores) {
            LOG.warn("{} BLAS threads asked for, but this machine has {} cores; using {}", threads, cores, cores);
            threads = cores;
        }
        requestedThreads = threads;
        if (loaded) {
            openblas_nolapack.blas_set_num_threads(threads);
        }
    }

    /**
     * Leaves the thread count to each run ({@link ThreadChoice}); until a run chooses, products use
     * one thread per core.
     */
    public static synchronized void setAutomaticThreads() {
        automatic = true;
        use(Runtime.getRuntime().availableProcessors());
    }

    /** A run's choice under {@link #setAutomaticThreads}: the next runs choose again. */
    public static synchronized void useChosenThreads(int threads) {
        if (automatic) {
            use(Math.max(1, threads));
        }
    }

    /** Whether runs choose their own thread count ({@link #setAutomaticThreads}). */
    public static boolean automaticThreads() {
        return automatic;
    }

    /** The BLAS threads products use (or will use, before the first one). */
    public static int threads() {
        if (!loaded) {
            int requested = requestedThreads;
            return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
        }
        return openblas_nolapack.blas_get_num_threads();
    }

    /**
     * Starts loading OpenBLAS on a daemon thread and returns at once: loading takes about 60 ms
     * (extracting and linking the library), which then overlaps with reading the data instead of
     * delaying the first training step. Products wait for it to finish.
     */
    public static void preload() {
        if (!loaded) {
            Thread loader = new Thread(Blas::load, "strata-blas-load");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** Loads OpenBLAS now, with the thread count asked for (or waits for a {@link #preload} under way). */
    public static void load() {
        ensureLoaded();
    }

    /**
     * Loads OpenBLAS on first use, with the thread count asked for, and JavaCPP's pointer classes
     * with it, all on one thread under this class's lock. OpenBLAS's native initialisation needs
     * those classes, whose own initialisers take JavaCPP's loader lock: a thread loading OpenBLAS
     * (holding that lock) while another initialised a pointer class deadlocked both. Every native
     * buffer is created after this has run ({@link NativeBuffer}).
     */
    private static void ensureLoaded() {
        if (!loaded) {
            synchronized (Blas.class) {
                if (!loaded) {
                    for (String name : new String[] {"Pointer", "BytePointer", "DoublePointer", "FloatPointer"}) {
                        try {
                            Class.forName("org.bytedeco.javacpp." + name, true, Blas.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException("JavaCPP is missing from the class path", e);
                        }
                    }
                    if (requestedThreads > 0) {
                        openblas_nolapack.blas_set_num_threads(requestedThreads);
                    } else {
                        openblas_nolapack.blas_get_num_threads();
                    }
                    loaded = true;
                }
            }
        }
    }

    /**
     * {@code C := alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is {@code Xᵀ} when its flag
     * is set; any memory orders, one precision.
     *
     * @throws IllegalArgumentException when the shapes do not fit (BLAS itself would only print a
     *     warning and leave {@code C} wrong)
     */
    static void gemm(Dense a, boolean transposeA, Dense b, boolean transposeB, Dense c, double alpha, double beta) {
        int m = transposeA ? a.columns() : a.rows();
        int k = transposeA ? a.rows() : a.columns();
        int kb = transposeB ? b.columns() : b.rows();
        int n = transposeB ? b.rows() : b.columns();
        if (k != kb || c.rows() != m || c.columns() != n || a.precision() != c.precision()
                || b.precision() != c.precision()) {
            throw new IllegalArgumentException("product of " + a.describe() + (transposeA ? "ᵀ" : "") + " and "
                    + b.describe() + (transposeB ? "ᵀ" : "") + " into " + c.describe());
        }
        if (m == 0 || n == 0) {
            return;
        }
        ensureLoaded();
        if (c.order() == 'c') {
            // a row-major C is a column-major Cᵀ = op(B)ᵀ · op(A)ᵀ
            columnMajor(b, !transposeB, a, !transposeA, c, n, m, k, alpha, beta);
        } else {
            columnMajor(a, transposeA, b, transposeB, c, m, n, k, alpha, beta);
        }
    }

    /**
     * The product into column-major storage of {@code m × n} values: {@code C} itself, or, when it
     * is row-major, {@code Cᵀ} with the operands swapped by the caller. A row-major operand is the
     * column-major storage of its transpose, so its flag flips.
     */
    private static void columnMajor(Dense first, boolean transposeFirst, Dense second, boolean transposeSecond, Dense c,
            int m, int n, int k, double alpha, double beta) {
        boolean flipFirst = first.order() == 'c';
        boolean flipSecond = second.order() == 'c';
        int ldFirst = Math.max(1, flipFirst ? first.columns() : first.rows());
        int ldSecond = Math.max(1, flipSecond ? second.columns() : second.rows());
        int ldc = Math.max(1, m);
        int opFirst = transposeFirst != flipFirst ? CblasTrans : CblasNoTrans;
        int opSecond = transposeSecond != flipSecond ? CblasTrans : CblasNoTrans;
        if (c.precision() == Precision.FLOAT64) {
            openblas_nolapack.cblas_dgemm(CblasColMajor, opFirst, opSecond, m, n, k, alpha,
                    (DoublePointer) first.pointer(), ldFirst, (DoublePointer) second.pointer(), ldSecond, beta,
                    (DoublePointer) c.pointer(), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasColMajor, opFirst, opSecond, m, n, k, (float) alpha,
                    (FloatPointer) first.pointer(), ldFirst, (FloatPointer) second.pointer(), ldSecond, (float) beta,
                    (FloatPointer) c.pointer(), ldc);
        }
    }

    /** {@code y := alpha · x + y} over all values, in memory order (both matrices in the same order). */
    static void axpy(double alpha, Dense x, Dense y) {
        if (x.size() != y.size() || x.order() != y.order() || x.precision() != y.precision()) {
            throw new IllegalArgumentException("axpy of " + x.describe() + " into " + y.describe());
        }
        int n = Math.toIntExact(y.size());
        ensureLoaded();
        if (y.precision() == Precision.FLOAT64) {
            openblas_nolapack.cblas_daxpy(n, alpha, (DoublePointer) x.pointer(), 1, (DoublePointer) y.pointer(), 1);
        } else {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, (FloatPointer) x.pointer(), 1, (FloatPointer) y.pointer(), 1);
        }
    }

    /** {@code Σ x·y} over all values in memory order (both matrices in the same order). */
    static double dot(Dense x, Dense y) {
        if (x.size() != y.size() || x.order() != y.order() || x.precision() != y.precision()) {
            throw new IllegalArgumentException("dot of " + x.describe() + " and " + y.describe());
        }
        int n = Math.toIntExact(y.size());
        ensureLoaded();
        return y.precision() == Precision.FLOAT64
                ? openblas_nolapack.cblas_ddot(n, (DoublePointer) x.pointer(), 1, (DoublePointer) y.pointer(), 1)
                : openblas_nolapack.cblas_sdot(n, (FloatPointer) x.pointer(), 1, (FloatPointer) y.pointer(), 1);
    }

    /** {@code x := alpha · x} over all values. */
    static void scal(double alpha, Dense x) {
        int n = Math.toIntExact(x.size());
        ensureLoaded();
        if (x.precision() == Precision.FLOAT64) {
            openblas_nolapack.cblas_dscal(n, alpha, (DoublePointer) x.pointer(), 1);
        } else {
            openblas_nolapack.cblas_sscal(n, (float) alpha, (FloatPointer) x.pointer(), 1);
        }
    }
}
