package dev.strata.examples.swish;

/**
 * The orthogonal factor of a fanOut × fanIn matrix by Householder QR, in plain Java. The tall side
 * is factored: the matrix itself when fanOut > fanIn (orthonormal columns), its transpose otherwise
 * (orthonormal rows). Each column of Q is then multiplied by the sign of R's diagonal, which makes
 * the result the unique QR factor with a positive diagonal, as numpy's recipe does.
 */
final class Orthogonal {
    private Orthogonal() {
    }

    /**
     * @param normals fanOut × fanIn values in row-major order
     * @return gain · Q as fanOut × fanIn in row-major order
     */
    static double[] weights(int fanOut, int fanIn, double[] normals, double gain) {
        boolean rows = fanOut <= fanIn;
        int m = rows ? fanIn : fanOut;
        int n = rows ? fanOut : fanIn;
        // The tall m × n matrix as n columns of length m: row r of W when factoring Wᵀ.
        double[][] columns = new double[n][m];
        for (int r = 0; r < fanOut; r++) {
            for (int c = 0; c < fanIn; c++) {
                double value = normals[r * fanIn + c];
                if (rows) {
                    columns[r][c] = value;
                } else {
                    columns[c][r] = value;
                }
            }
        }
        double[][] q = householderQ(columns, m, n);
        double[] weights = new double[fanOut * fanIn];
        for (int r = 0; r < fanOut; r++) {
            for (int c = 0; c < fanIn; c++) {
                weights[r * fanIn + c] = gain * (rows ? q[r][c] : q[c][r]);
            }
        }
        return weights;
    }

    /**
     * The thin Q (n columns of length m, m ≥ n) of {@code a}, sign-corrected so that R's diagonal is
     * positive. {@code a} is overwritten by the reflections.
     */
    private static double[][] householderQ(double[][] a, int m, int n) {
        double[][] reflectors = new double[n][];
        double[] diagonalSign = new double[n];
        for (int k = 0; k < n; k++) {
            double[] x = a[k];
            double norm = norm(x, k, m);
            // v = x + sign(x_k)·‖x‖·e_k avoids cancellation; R_kk is then −sign(x_k)·‖x‖ (as LAPACK).
            double alpha = x[k] >= 0 ? -norm : norm;
            diagonalSign[k] = alpha >= 0 ? 1 : -1;
            double[] v = new double[m];
            for (int i = k; i < m; i++) {
                v[i] = x[i];
            }
            v[k] -= alpha;
            double vNorm = norm(v, k, m);
            if (vNorm == 0) {
                reflectors[k] = null;
                continue;
            }
            for (int i = k; i < m; i++) {
                v[i] /= vNorm;
            }
            reflectors[k] = v;
            for (int j = k; j < n; j++) {
                reflect(v, a[j], k, m);
            }
        }
        // Q = H_0 H_1 … H_{n−1} applied to the first n columns of the identity, innermost first.
        double[][] q = new double[n][m];
        for (int j = 0; j < n; j++) {
            q[j][j] = 1;
            for (int k = Math.min(j, n - 1); k >= 0; k--) {
                if (reflectors[k] != null) {
                    reflect(reflectors[k], q[j], k, m);
                }
            }
            for (int i = 0; i < m; i++) {
                q[j][i] *= diagonalSign[j];
            }
        }
        return q;
    }

    /** The Euclidean norm of {@code x[from..m)}; standard normals are far from overflow. */
    private static double norm(double[] x, int from, int m) {
        double sum = 0;
        for (int i = from; i < m; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum);
    }

    /** y := (I − 2vvᵀ)·y on the entries from {@code from}, where v is zero before it. */
    private static void reflect(double[] v, double[] y, int from, int m) {
        double dot = 0;
        for (int i = from; i < m; i++) {
            dot += v[i] * y[i];
        }
        double scale = 2 * dot;
        for (int i = from; i < m; i++) {
            y[i] -= scale * v[i];
        }
    }
}
