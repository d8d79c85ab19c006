package dev.strata.spec;

import dev.strata.engine.Precision;

/** The floating-point type of a run. float64 reproduces the notebooks' numbers; float32 is faster. */
public enum DType {
    FLOAT64("float64", Precision.FLOAT64),
    FLOAT32("float32", Precision.FLOAT32);

    private final String yamlName;
    private final Precision precision;

    DType(String yamlName, Precision precision) {
        this.yamlName = yamlName;
        this.precision = precision;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The engine's precision for this type. */
    public Precision precision() {
        return precision;
    }
}
