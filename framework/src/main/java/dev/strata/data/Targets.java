package dev.strata.data;

import dev.strata.spec.LayerSpec;
import dev.strata.spec.ModelSpec;
import dev.strata.spi.BadInputException;
import java.util.List;

/** The rows the loss compares the output with, from each example's label. */
final class Targets {
    private Targets() {
    }

    /** How labels become the output rows the loss compares against. */
    enum Layout {
        /** One row of 0/1 labels for a single sigmoid unit. */
        BINARY,
        /** One row per class, one-hot. */
        ONE_HOT,
        /** One row of label values as they are. */
        VALUE
    }

    /** The targets the loss compares with, outputs × examples in column order. */
    static double[] of(String split, double[] labels, ModelSpec spec, Layout layout) {
        int m = labels.length;
        List<LayerSpec> layers = spec.model().layers();
        int units = layers.get(layers.size() - 1).units();
        int classes = layout == Layout.BINARY ? 2 : units;
        if (layout == Layout.VALUE) {
            for (int i = 0; i < m; i++) {
                if (!Double.isFinite(labels[i])) {
                    throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": label of example "
                            + i + " is " + labels[i], "remove or fix non-finite labels");
                }
            }
            return labels.clone();
        }
        for (int i = 0; i < m; i++) {
            double v = labels[i];
            if (v != Math.rint(v) || v < 0 || v >= classes) {
                throw new BadInputException(spec.source().locate("data." + split) + ": data." + split + ": label " + v
                        + " of example " + i + " is not a class index in 0.." + (classes - 1) + " that loss "
                        + spec.loss().type() + " with " + units + " output unit" + (units == 1 ? "" : "s") + " expects",
                        units == 1 ? "binary labels must be 0 or 1" : "labels must be class indices below " + classes);
            }
        }
        if (layout == Layout.BINARY) {
            return labels.clone();
        }
        double[] oneHot = new double[classes * m];
        for (int i = 0; i < m; i++) {
            oneHot[i * classes + (int) labels[i]] = 1.0;
        }
        return oneHot;
    }
}
