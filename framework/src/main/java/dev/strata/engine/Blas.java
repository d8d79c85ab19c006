package dev.strata.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import dev.strata.spi.HostArrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix products straight to OpenBLAS's {@code cblas_?gemm} on the arrays' own memory, the BLAS
 * ND4J itself links. {@code Nd4j.gemm} runs a matmul op (op context, shape checks) that cost
 * 20-30 µs per call in measurements: more than the arithmetic of every layer after the first, ten
 * such calls per iteration of the cat model. This call costs about a microsecond more than the
 * product itself. Arrays that are not dense float64/float32 go to {@code Nd4j.gemm}.
 */
final class Blas {
    private Blas() {
    }

    /**
     * {@code C := alpha · op(A) · op(B) + beta · C}, where {@code op(X)} is {@code Xᵀ} when its
     * flag is set; any memory orders.
     */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha,
            double beta) {
        DataType type = c.dataType();
        if (!direct(a, type) || !direct(b, type) || !direct(c, type)) {
            Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
            return;
        }
        if (c.ordering() == 'c') {
            // a row-major C is a column-major Cᵀ = op(B)ᵀ · op(A)ᵀ
            columnMajor(b, !transposeB, a, !transposeA, c, alpha, beta);
        } else {
            columnMajor(a, transposeA, b, transposeB, c, alpha, beta);
        }
    }

    /**
     * The product into a column-major result of {@code rows(C)} rows in memory order: when
     * {@code C} is row-major, that is {@code Cᵀ}, and the caller has swapped the operands.
     * A row-major operand is the column-major storage of its transpose, so its flag flips.
     */
    private static void columnMajor(INDArray first, boolean transposeFirst, INDArray second, boolean transposeSecond,
            INDArray c, double alpha, double beta) {
        boolean flipFirst = first.ordering() == 'c';
        boolean flipSecond = second.ordering() == 'c';
        int m = (int) (transposeFirst ? first.columns() : first.rows());
        int k = (int) (transposeFirst ? first.rows() : first.columns());
        int n = (int) (transposeSecond ? second.rows() : second.columns());
        int ldFirst = (int) Math.max(1, flipFirst ? first.columns() : first.rows());
        int ldSecond = (int) Math.max(1, flipSecond ? second.columns() : second.rows());
        int ldc = Math.max(1, m);
        int opFirst = transposeFirst != flipFirst ? CblasTrans : CblasNoTrans;
        int opSecond = transposeSecond != flipSecond ? CblasTrans : CblasNoTrans;
        if (c.dataType() == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(CblasColMajor, opFirst, opSecond, m, n, k, alpha,
                    new DoublePointer(first.data().addressPointer()), ldFirst,
                    new DoublePointer(second.data().addressPointer()), ldSecond, beta,
                    new DoublePointer(c.data().addressPointer()), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasColMajor, opFirst, opSecond, m, n, k, (float) alpha,
                    new FloatPointer(first.data().addressPointer()), ldFirst,
                    new FloatPointer(second.data().addressPointer()), ldSecond, (float) beta,
                    new FloatPointer(c.data().addressPointer()), ldc);
        }
    }

    private static boolean direct(INDArray x, DataType type) {
        return x.dataType() == type && x.rank() == 2 && HostArrays.dense(x) && x.length() > 0;
    }
}
