package dev.vaina.gotemplate;

import java.util.Collection;
import java.util.Map;

/** The {@code json} function: compact JSON as Go's encoder writes it with HTML escaping off. */
public final class GoJson {
    private GoJson() {
    }

    static String encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null || value == GoNilMap.INSTANCE) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean || GoValues.isInteger(value)) {
            out.append(value);
        } else if (GoValues.isFloat(value)) {
            out.append(GoValues.formatFloat(((Number) value).doubleValue(), -6, 21, 1));
        } else if (value instanceof GoStruct struct) {
            object(out, struct.fields().entrySet());
        } else if (value instanceof Map<?, ?> map) {
            object(out, GoValues.sortedEntries(map));
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                out.append(first ? "" : ",");
                first = false;
                write(out, element);
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Collection<? extends Map.Entry<?, ?>> entries) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : entries) {
            out.append(first ? "" : ",");
            first = false;
            string(out, String.valueOf(entry.getKey()));
            out.append(':');
            write(out, entry.getValue());
        }
        out.append('}');
    }

    /**
     * Appends {@code s} as a JSON string the way Go's encoder escapes it, without its HTML escaping (Podman
     * prints {@code <}, {@code >} and {@code &} as they are).
     */
    public static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
