package dev.strata.spec;

import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type of a run. float64 reproduces the seeds' numbers; float32 is faster. */
public enum DType {
    FLOAT64("float64", DataType.DOUBLE),
    FLOAT32("float32", DataType.FLOAT);

    private final String yamlName;
    private final DataType nd4j;

    DType(String yamlName, DataType nd4j) {
        this.yamlName = yamlName;
        this.nd4j = nd4j;
    }

    public String yamlName() {
        return yamlName;
    }

    public DataType nd4j() {
        return nd4j;
    }
}
