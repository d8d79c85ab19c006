package dev.strata.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set when {@link Tripwire} is initialized or constructed; kept apart so reading it loads nothing else. */
final class Tripwires {
    static final AtomicBoolean FIRED = new AtomicBoolean();

    private Tripwires() {
    }
}
