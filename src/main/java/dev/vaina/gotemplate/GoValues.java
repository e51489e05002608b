package dev.vaina.gotemplate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** How Go sees the data model's values: their type names, truth, and how {@code fmt} prints them with %v. */
final class GoValues {
    private GoValues() {
    }

    static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    static String typeName(Object value) {
        if (value == null) {
            return "<nil>";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (isInteger(value)) {
            return "int";
        } else if (isFloat(value)) {
            return "float64";
        } else if (value instanceof GoStruct struct) {
            return struct.typeName();
        } else if (value instanceof Collection<?> list) {
            return allStrings(list) ? "[]string" : "[]interface {}";
        } else if (value instanceof Map<?, ?> map) {
            return allStrings(map.values()) ? "map[string]string" : "map[string]interface {}";
        }
        return value.getClass().getSimpleName();
    }

    /** Go's truth: false, zero, nil, and empty strings, lists and maps are false; structs are true. */
    static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof String s) {
            return !s.isEmpty();
        } else if (isInteger(value)) {
            return ((Number) value).longValue() != 0;
        } else if (isFloat(value)) {
            return ((Number) value).doubleValue() != 0;
        } else if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        } else if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** {@code fmt.Sprint(value)}: maps with sorted keys, lists and structs with spaces, nil as {@code <nil>}. */
    static String format(Object value) {
        if (value == null) {
            return "<nil>";
        } else if (value instanceof String s) {
            return s;
        } else if (isFloat(value)) {
            return formatFloat(((Number) value).doubleValue(), -4, 6, 2);
        } else if (value instanceof GoStruct struct) {
            return formatAll(new StringJoiner(" ", "{", "}"), struct.fields().values());
        } else if (value instanceof Collection<?> list) {
            return formatAll(new StringJoiner(" ", "[", "]"), list);
        } else if (value instanceof Map<?, ?> map) {
            StringJoiner text = new StringJoiner(" ", "map[", "]");
            for (Map.Entry<?, ?> entry : sortedEntries(map)) {
                text.add(format(entry.getKey()) + ":" + format(entry.getValue()));
            }
            return text.toString();
        }
        return value.toString();
    }

    /**
     * The values, formatted, separated by spaces. (Loops, not streams and lambdas, in this class: a command's first
     * lambda sets the JVM's method-handle machinery up, some 5 ms of a `ps --format` that prints a list.)
     */
    private static String formatAll(StringJoiner text, Collection<?> values) {
        for (Object element : values) {
            text.add(format(element));
        }
        return text.toString();
    }

    private static boolean allStrings(Collection<?> values) {
        for (Object element : values) {
            if (!(element instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** fmt sorts a map's keys before printing it (and encoding/json does too). */
    static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort(BY_KEY);
        return entries;
    }

    private static final Comparator<Map.Entry<?, ?>> BY_KEY = new Comparator<>() {
        @Override
        public int compare(Map.Entry<?, ?> a, Map.Entry<?, ?> b) {
            return compareKeys(a.getKey(), b.getKey());
        }
    };

    private static int compareKeys(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /**
     * A float64 in the shortest digits that read back the same, with an exponent outside [1e{@code lowest},
     * 1e{@code limit}): fmt's %v uses -4 and 6 (so 2131015.0 prints as 2.131015e+06), encoding/json -6 and 21.
     */
    static String formatFloat(double value, int lowest, int limit, int exponentDigits) {
        if (Double.isNaN(value)) {
            return "NaN";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        } else if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < lowest || exponent >= limit) {
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return (value < 0 ? "-" : "") + mantissa + "e" + sign + "0".repeat(Math.max(0, exponentDigits - String.valueOf(magnitude).length())) + magnitude;
        }
        return decimal.toPlainString();
    }
}
