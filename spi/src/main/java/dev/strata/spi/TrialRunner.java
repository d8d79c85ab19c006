package dev.strata.spi;

import java.io.Serializable;

/**
 * Runs one trial to completion and describes the outcome; failures (bad spec, divergence) are
 * returned as a failed outcome, never thrown. Serializable so that a distributed executor can ship
 * it to its workers; a runner creates what it needs (plugins, engine) lazily on the node it runs on.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface TrialRunner extends Serializable {
    TrialOutcome run(Trial trial);
}
