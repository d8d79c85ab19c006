package dev.strata.run;

import dev.strata.data.PreparedData;
import dev.strata.engine.Network;
import dev.strata.engine.TrainingResult;
import dev.strata.eval.Metrics;
import dev.strata.spec.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model and what is known about it.
 *
 * @param test {@code null} when the spec has no test split
 * @param testOutput the output layer's activations on the test split, or {@code null}
 */
public record RunResult(ModelSpec spec, PreparedData data, Network network, TrainingResult training, Metrics train,
        Metrics test, INDArray testOutput) {
}
