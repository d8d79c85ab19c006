package dev.strata.io;

import java.io.IOException;

/** A consumer that may fail with an {@link IOException}, e.g. a writer filling a stream. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
