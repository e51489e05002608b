package dev.vaina.spec.json;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes one JSON document, value by value, for the record writers the build writes (store's {@code RecordJson})
 * and for plain documents (maps, lists, strings, numbers, booleans). Its text is jackson-jr's, byte for byte: pretty,
 * two spaces a level of objects, {@code "name" : value}, arrays on one line ({@code [ 1, 2 ]}, {@code [ ]},
 * {@code { }}); or compact, without a space. Records written before it came read the same as those it writes.
 */
public final class JsonOutput {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Writes the records {@link #value} meets. Their writers are code the build generates into the packages that
     * store them, which a package below those cannot name: the store hands its own in.
     */
    public interface RecordWriter {
        /** Writes {@code record} to {@code out} and returns true, or returns false for a record it cannot write. */
        boolean write(Record record, JsonOutput out);
    }

    /** A value written out already, as a whole JSON document: {@link #value} copies it as it is. */
    public record Raw(String json) {
    }

    private final StringBuilder text = new StringBuilder(256);
    private final boolean pretty;
    private final boolean nullsWritten;
    /** Null while no records are to be written. */
    private RecordWriter records;
    /** Objects open around the value being written (arrays do not indent). */
    private int depth;
    /** Whether the object or array just begun has had no member yet. */
    private boolean first;

    private JsonOutput(boolean pretty, boolean nullsWritten) {
        this.pretty = pretty;
        this.nullsWritten = nullsWritten;
    }

    /** As the store writes records: pretty, a map's null values left out. */
    public static JsonOutput pretty() {
        return new JsonOutput(true, false);
    }

    /** On one line, a map's null values left out. */
    public static JsonOutput compact() {
        return new JsonOutput(false, false);
    }

    /** On one line, a map's null values written as {@code null}. */
    public static JsonOutput compactWithNulls() {
        return new JsonOutput(false, true);
    }

    public void beginObject() {
        text.append('{');
        depth++;
        first = true;
    }

    /** The name of the object's next member; its value is written next. */
    public void name(String name) {
        if (!first) {
            text.append(',');
        }
        first = false;
        if (pretty) {
            newline(depth);
        }
        quote(name);
        text.append(pretty ? " : " : ":");
    }

    public void endObject() {
        depth--;
        if (pretty) {
            if (first) {
                text.append(' ');
            } else {
                newline(depth);
            }
        }
        text.append('}');
        first = false;
    }

    public void beginArray() {
        text.append('[');
        first = true;
    }

    /** Before each element of an array. */
    public void element() {
        if (!first) {
            text.append(',');
        }
        if (pretty) {
            text.append(' ');
        }
        first = false;
    }

    public void endArray() {
        if (pretty) {
            text.append(' ');
        }
        text.append(']');
        first = false;
    }

    public void string(String value) {
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
    }

    public void number(long value) {
        text.append(value);
    }

    public void bool(boolean value) {
        text.append(value);
    }

    public void numberOrNull(Number value) {
        if (value == null) {
            nullValue();
        } else {
            text.append(value.longValue());
        }
    }

    public void boolOrNull(Boolean value) {
        if (value == null) {
            nullValue();
        } else {
            text.append(value.booleanValue());
        }
    }

    /** Whether null members are written (else their names are left out too). */
    public boolean nullsWritten() {
        return nullsWritten;
    }

    public void nullValue() {
        text.append("null");
    }

    /** Has {@link #value} write the records it meets through {@code records}; returns this output. */
    public JsonOutput writingRecordsWith(RecordWriter records) {
        this.records = records;
        return this;
    }

    /**
     * A plain value: null, a string, a number, a boolean, an enum (by its toString, as jackson-jr writes it), a
     * map (its keys' toString; its null values as this output was made to), a collection or an array of objects,
     * or a record that the {@link RecordWriter} given writes.
     *
     * @return this output, so that a whole document is one expression
     * @throws IllegalArgumentException for anything else
     */
    public JsonOutput value(Object value) {
        if (value == null) {
            nullValue();
        } else if (value instanceof String s) {
            quote(s);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger
                || value instanceof java.math.BigDecimal) {
            text.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                quote(value.toString());
            } else {
                text.append(value);
            }
        } else if (value instanceof Enum<?> || value instanceof Character) {
            quote(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null || nullsWritten) {
                    name(String.valueOf(entry.getKey()));
                    value(entry.getValue());
                }
            }
            endObject();
        } else if (value instanceof Collection<?> list) {
            beginArray();
            for (Object element : list) {
                element();
                value(element);
            }
            endArray();
        } else if (value instanceof Object[] array) {
            value(java.util.Arrays.asList(array));
        } else if (value instanceof Raw raw) {
            text.append(raw.json());
        } else if (!(value instanceof Record record && records != null && records.write(record, this))) {
            throw new IllegalArgumentException("no JSON for " + value.getClass().getName());
        }
        return this;
    }

    /** The document written. */
    @Override
    public String toString() {
        return text.toString();
    }

    public byte[] toBytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void newline(int level) {
        text.append('\n');
        for (int i = 0; i < level; i++) {
            text.append("  ");
        }
    }

    private void quote(String value) {
        text.append('"');
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            text.append(value, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\b' -> text.append("\\b");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\f' -> text.append("\\f");
                case '\r' -> text.append("\\r");
                default -> text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        text.append(value, run, value.length()).append('"');
    }
}
