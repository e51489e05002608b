package dev.vaina.cli.common;

import dev.vaina.gotemplate.GoJson;
import dev.vaina.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The one writer of every JSON document vaina prints for a user (inspect, --format json): laid out as Go's
 * json.MarshalIndent lays it out for Podman 4.3.1, {@code "Key": value} with no space before the colon, one
 * member per line, {@code []} and {@code {}} when empty, non-ASCII text and {@code <>&} as they are. Scripts
 * written against Podman's output grep for exactly that.
 */
public enum PodmanJson {
    /** {@code inspect} of a container or an image: 5 spaces a level. */
    INSPECT(5),
    /** {@code images --format json}: 4 spaces a level. */
    IMAGES(4),
    /** {@code auto-update --format json}: 4 spaces a level. */
    AUTO_UPDATE(4),
    /** {@code ps --format json}: 2 spaces a level. */
    PS(2),
    /** {@code stats --format json}: 1 space a level (Podman's stats command indents with one). */
    STATS(1),
    /** {@code generate systemd --format json}: 1 space a level too. */
    GENERATE(1);

    private final String indent;

    PodmanJson(int spaces) {
        this.indent = " ".repeat(spaces);
    }

    /** {@code value} (maps, collections, strings, numbers, booleans, null; anything else as its JSON bean). */
    public String format(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String || value instanceof Character || value instanceof Enum<?>) {
            GoJson.string(out, value.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            writeArray(out, list, depth);
        } else if (value instanceof Object[] array) {
            writeArray(out, java.util.Arrays.asList(array), depth);
        } else {
            write(out, asTree(value), depth);
        }
    }

    private void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline(out, depth + 1);
            GoJson.string(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), depth + 1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        newline(out, depth);
        out.append('}');
    }

    private void writeArray(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            newline(out, depth + 1);
            write(out, items.next(), depth + 1);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        newline(out, depth);
        out.append(']');
    }

    private void newline(StringBuilder out, int depth) {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(indent);
        }
    }

    /** A record or bean as maps and lists, in the order its JSON names its properties. */
    private static Object asTree(Object bean) {
        try {
            return Json.compact().anyFrom(Json.compact().asString(bean));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print " + bean.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
