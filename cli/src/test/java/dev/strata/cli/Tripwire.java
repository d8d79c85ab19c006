package dev.strata.cli;

/**
 * Named by a YAML tag in a hostile spec: if the loader ever constructed it, its static initializer
 * would trip {@link Tripwires#FIRED}. Tests must never refer to this class directly.
 */
public final class Tripwire {
    static {
        Tripwires.FIRED.set(true);
    }

    public Tripwire() {
        Tripwires.FIRED.set(true);
    }

    public Tripwire(String ignored) {
        Tripwires.FIRED.set(true);
    }
}
