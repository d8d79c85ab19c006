package dev.strata.sweep;

/**
 * {@code pruner:} stops hopeless trials early, comparing trials on the objective's validation
 * metric at the same step (epochs, or iterations in full-batch training).
 *
 * @param kind {@code asha} or {@code median}
 * @param reductionFactor ASHA's η: rungs at {@code minSteps · η^k}, and at each rung only the best
 *     {@code 1/η} of the trials that reached it go on
 * @param minSteps ASHA's first rung
 * @param warmupSteps the median rule's steps before it prunes
 * @param startupTrials the median rule's trials that must have reached a step before it prunes there
 */
public record Pruning(Kind kind, int reductionFactor, int minSteps, int warmupSteps, int startupTrials) {
    public enum Kind {
        ASHA, MEDIAN;

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The steps of ASHA's rungs below {@code total}: {@code minSteps · η^k}. */
    public java.util.List<Integer> rungs(int total) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (long r = minSteps; r < total; r *= reductionFactor) {
            out.add((int) r);
        }
        return out;
    }
}
