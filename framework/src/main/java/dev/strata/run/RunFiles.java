package dev.strata.run;

import java.util.Set;

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
    /** Every file name above and the checkpoint's: what a command must never write over. */
    public static final Set<String> ALL = Set.of(REPORT_JSON, REPORT_MD, COST_CURVE, MISLABELED, CONFUSION, MODEL,
            MODEL_INFO, CONFIG, Checkpoint.FILE);

    private RunFiles() {
    }
}
