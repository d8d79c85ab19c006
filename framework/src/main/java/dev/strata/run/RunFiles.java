package dev.strata.run;

/** The names of the files a run leaves in its folder. */
public final class RunFiles {
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String COST_CURVE = "cost-curve.png";
    public static final String MISLABELED = "mislabeled.png";
    public static final String CONFUSION = "confusion-matrix.png";
    public static final String MODEL = "model.npz";
    public static final String MODEL_INFO = "model.json";
    public static final String CONFIG = "config.yaml";

    private RunFiles() {
    }
}
