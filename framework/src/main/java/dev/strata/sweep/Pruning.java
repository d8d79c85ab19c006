package dev.strata.sweep;

/**
 * {@code pruner:} stops hopeless trials early, comparing trials on the objective's validation
 * metric at the same step (epochs, or iterations in full-batch training).
 *
 * @param kind {@code asha}, {@code successive_halving} or {@code median}
 * @param reductionFactor η of ASHA and successive halving: rungs at {@code minSteps · η^k}, and at
 *     each rung only the best {@code 1/η} of the trials that reached it go on
 * @param minSteps the first rung
 * @param warmupSteps the median rule's steps before it prunes
 * @param startupTrials the median rule's trials that must have reached a step before it prunes there
 */
public record Pruning(Kind kind, int reductionFactor, int minSteps, int warmupSteps, int startupTrials) {
    public enum Kind {
        /** Asynchronous successive halving: each trial is compared at a rung with those that reached it before. */
        ASHA,
        /**
         * Synchronous successive halving: every trial reaches a rung before any goes on, so the
         * decisions do not depend on the executor or the order trials finish in.
         */
        SUCCESSIVE_HALVING,
        /**
         * Successive halving in several brackets, the first rung of bracket {@code s} at
         * {@code minSteps · η^s}: trials dealt to the brackets in turn, so some train long before any
         * comparison (a slow starter is not judged after one epoch in every bracket).
         */
        HYPERBAND,
        MEDIAN;

        /** Whether trials are compared at rungs ({@code minSteps · η^k}). */
        public boolean rungs() {
            return this != MEDIAN;
        }

        /** Whether the decisions are made between rungs, every trial at a rung first (on any executor). */
        public boolean synchronous() {
            return this == SUCCESSIVE_HALVING || this == HYPERBAND;
        }

        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code n} training steps as people read them: {@code 1 epoch}, {@code 3 epochs}, {@code 40 iterations}. */
    static String steps(long n, boolean minibatch) {
        return n + " " + (minibatch ? "epoch" : "iteration") + (n == 1 ? "" : "s");
    }

    /** Hyperband's brackets below {@code total}: successive halving with its first rung at {@code minSteps · η^s}. */
    public java.util.List<Pruning> brackets(int total) {
        java.util.List<Pruning> out = new java.util.ArrayList<>();
        for (long first = minSteps; first < total; first *= reductionFactor) {
            out.add(new Pruning(Kind.SUCCESSIVE_HALVING, reductionFactor, (int) first, warmupSteps, startupTrials));
        }
        return out;
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
