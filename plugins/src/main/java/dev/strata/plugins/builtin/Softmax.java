package dev.strata.plugins.builtin;

import dev.strata.spi.ActivationFactory;
import dev.strata.spi.Link;
import dev.strata.spi.Matrix;
import dev.strata.spi.VectorActivation;
import java.util.List;
import java.util.Optional;

/** {@code softmax}: per example (column), e^z normalised over the units. */
final class Softmax implements VectorActivation {
    static final ActivationFactory FACTORY = ActivationFactory.of("softmax",
            "per example, exp(z - max z) / sum over units; the output layer of multi-class classifiers", List.of(),
            p -> new Softmax());

    /** a = exp(z − max z) / Σ exp(z − max z) per column; subtracting the max keeps exp finite. */
    @Override
    public void forward(Matrix z, Matrix a) {
        int units = z.rows();
        double[] zs = z.values();
        double[] as = a.values();
        for (int j = 0, base = 0; j < z.columns(); j++, base += units) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < units; i++) {
                max = Math.max(max, zs[base + i]);
            }
            double sum = 0;
            for (int i = 0; i < units; i++) {
                double e = Math.exp(zs[base + i] - max);
                as[base + i] = e;
                sum += e;
            }
            for (int i = 0; i < units; i++) {
                as[base + i] /= sum;
            }
        }
    }

    /** The Jacobian-vector product per example: dZ = A ⊙ (dA − Σ_units dA ⊙ A). */
    @Override
    public void backward(Matrix z, Matrix a, Matrix dA, Matrix dZ) {
        int units = a.rows();
        double[] as = a.values();
        double[] ds = dA.values();
        double[] out = dZ.values();
        for (int j = 0, base = 0; j < a.columns(); j++, base += units) {
            double projection = 0;
            for (int i = 0; i < units; i++) {
                projection += ds[base + i] * as[base + i];
            }
            for (int i = 0; i < units; i++) {
                out[base + i] = (ds[base + i] - projection) * as[base + i];
            }
        }
    }

    @Override
    public Optional<Link> link() {
        return Optional.of(Link.SOFTMAX);
    }
}
