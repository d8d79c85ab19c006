package dev.strata.spec;

/**
 * A validated model spec: every plugin name resolved, every parameter typed and complete, every
 * path absolute. Produced only by the spec loader, which collects all errors before failing.
 *
 * @param version spec format version (1)
 * @param name the run's name (used for the default output folder)
 * @param seed the one seed of every random draw (numpy-compatible stream), 0 ≤ seed < 2^32
 * @param schedule the learning-rate schedule ({@code optimizer.schedule}; {@code constant} when absent)
 * @param source where the spec came from, with the location of each YAML path for later errors
 */
public record ModelSpec(
        int version,
        String name,
        long seed,
        DType dtype,
        DataSpec data,
        ModelDef model,
        Selector loss,
        Selector optimizer,
        Selector schedule,
        TrainingSpec training,
        EvaluationSpec evaluation,
        SpecSource source) {

    /** A copy with another source, e.g. {@link SpecSource#none()} to compare specs by content alone. */
    public ModelSpec withSource(SpecSource newSource) {
        return new ModelSpec(version, name, seed, dtype, data, model, loss, optimizer, schedule, training, evaluation,
                newSource);
    }

    /** A copy that reads other data (e.g. to evaluate a model on another file). */
    public ModelSpec withData(DataSpec newData, SpecSource newSource) {
        return new ModelSpec(version, name, seed, dtype, newData, model, loss, optimizer, schedule, training, evaluation,
                newSource);
    }

    /** A copy computing in another dtype (gradient checks need float64). */
    public ModelSpec withDtype(DType newDtype) {
        return new ModelSpec(version, name, seed, newDtype, data, model, loss, optimizer, schedule, training, evaluation,
                source);
    }
}
