package dev.strata.sweep;

import java.util.List;

/** The values one swept parameter may take. */
public sealed interface Domain permits Domain.Choices, Domain.Range, Domain.Distribution {

    /** A list of values, tried in order (grid) or drawn uniformly (random). */
    record Choices(List<Object> values) implements Domain {
        public Choices {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code {min, max, step}}: the points {@code min, min + step, ...} up to {@code max}, as
     * {@code Long}s when all three are integers and {@code Double}s otherwise.
     */
    record Range(List<Object> points) implements Domain {
        public Range {
            points = List.copyOf(points);
        }
    }

    /** {@code {distribution: NAME, min, max}}: drawn per trial (random strategy only). */
    record Distribution(Kind kind, double min, double max) implements Domain {
        public enum Kind {
            UNIFORM("uniform"), LOG_UNIFORM("log_uniform"), INT_UNIFORM("int_uniform");

            private final String yamlName;

            Kind(String yamlName) {
                this.yamlName = yamlName;
            }

            public String yamlName() {
                return yamlName;
            }
        }
    }
}
