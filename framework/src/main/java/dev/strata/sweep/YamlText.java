package dev.strata.sweep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain values as YAML flow text, for {@code --set path=value} overrides of a trial. */
final class YamlText {
    private YamlText() {
    }

    static String flow(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(YamlText::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + flow(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Double d) {
            // Plain decimal: YAML 1.1 reads "1.0E10" (no exponent sign) as a string.
            if (!Double.isFinite(d)) {
                return d.isNaN() ? ".nan" : d > 0 ? ".inf" : "-.inf";
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
