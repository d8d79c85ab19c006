package dev.strata.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a public type with its stability and the version it appeared in (after JUnit's {@code @API}). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Api {
    Status status();

    String since();

    enum Status {
        /** Plugin authors may rely on it; changes only with a major version. */
        STABLE,
        /** May change in a minor version. */
        EXPERIMENTAL,
        /** Used between Strata modules; not for plugin authors. */
        INTERNAL
    }
}
