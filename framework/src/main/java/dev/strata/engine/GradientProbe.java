package dev.strata.engine;

import dev.strata.spi.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the engine's backpropagated gradients with centred differences of the cost, for a sample
 * of every parameter array: a whole network's activations, loss and regularisation together, as the
 * training loop uses them. Needs a float64 network.
 *
 * <p>The error of one entry is {@code |analytic − numeric| / max(|analytic|, |numeric|, floor)}: relative
 * where gradients are large, absolute (over the floor) near zero, where the centred difference's own
 * rounding, about {@code 1e-16 · cost / ε}, would make a purely relative measure meaningless (an
 * exactly zero analytic gradient against a numeric 5e-11 is not an error of 1.0).
 */
public final class GradientProbe {
    /** The magnitude below which an entry's error is measured absolutely. */
    public static final double FLOOR = 1e-4;

    private GradientProbe() {
    }

    /**
     * The worst error found in one parameter array.
     *
     * @param analytic the backpropagated gradient at the worst entry
     * @param numeric the centred difference there
     */
    public record Result(String name, int checked, double maxError, double analytic, double numeric) {
    }

    /**
     * Checks {@code entries} entries of every parameter (all of a smaller array), chosen from
     * {@code random}, with step {@code epsilon}.
     */
    public static List<Result> run(Trainer trainer, Inputs data, int entries, double epsilon, RandomStream random) {
        Network network = trainer.network();
        if (network.precision() != Precision.FLOAT64) {
            throw new IllegalArgumentException("gradient checks need float64, not " + network.precision());
        }
        Batches batch = Batches.fullBatch(data, network.precision());
        trainer.computeGradients(batch);
        List<Result> results = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            double[] gradient = p.gradient().clone();
            int n = p.size();
            int count = Math.min(n, entries);
            double worst = -1;
            double worstAnalytic = 0;
            double worstNumeric = 0;
            for (int k = 0; k < count; k++) {
                int index = count == n ? k : (int) random.nextInterval(n - 1);
                double original = p.values()[index];
                p.set(index, original + epsilon);
                double plus = trainer.cost(batch);
                p.set(index, original - epsilon);
                double minus = trainer.cost(batch);
                p.set(index, original);
                double numeric = (plus - minus) / (2 * epsilon);
                double analytic = gradient[index];
                double error = Math.abs(analytic - numeric) / Math.max(FLOOR, Math.max(Math.abs(analytic), Math.abs(numeric)));
                if (Double.isNaN(error)) {
                    error = Double.POSITIVE_INFINITY;
                }
                if (error > worst) {
                    worst = error;
                    worstAnalytic = analytic;
                    worstNumeric = numeric;
                }
            }
            results.add(new Result(p.name(), count, Math.max(worst, 0), worstAnalytic, worstNumeric));
        }
        return results;
    }
}
