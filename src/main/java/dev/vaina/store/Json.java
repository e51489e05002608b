package dev.vaina.store;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.vaina.spec.FileBytes;
import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON for vaina's own records: read a record, write it atomically. Records are read and written by the code the
 * build wrote for their package ({@link RecordJson}), through {@link JsonInput} and {@link JsonOutput}, which read
 * and write plain documents too; the types no table knows go through jackson-jr.
 */
public final class Json {
    /**
     * Each record type's table, or null for a type no table knows: store's own table has the records of store and
     * of spec; a package above store that stores records of its own has its own table.
     */
    private static final ClassValue<RecordJson> TABLES = new ClassValue<>() {
        @Override
        protected RecordJson computeValue(Class<?> type) {
            RecordJson own = table(Json.class.getPackageName());
            if (own != null && own.has(type)) {
                return own;
            }
            RecordJson theirs = table(type.getPackageName());
            return theirs != null && theirs.has(type) ? theirs : null;
        }
    };

    private static RecordJson table(String pkg) {
        try {
            Object table = Class.forName(pkg + "." + RecordJsonTableWriter.CLASS).getDeclaredConstructor()
                    .newInstance();
            return table instanceof RecordJson json ? json : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether a table the build wrote reads and writes records of {@code type}. */
    static boolean writes(Class<?> type) {
        return TABLES.get(type) != null;
    }

    /** Writes the records a {@link JsonOutput} meets through the tables the build wrote. */
    private static final JsonOutput.RecordWriter TABLE_WRITER = new JsonOutput.RecordWriter() {
        @Override
        public boolean write(Record record, JsonOutput out) {
            RecordJson table = TABLES.get(record.getClass());
            if (table == null) {
                return false;
            }
            table.write(record, out);
            return true;
        }
    };

    /** {@code out}, writing the records it meets through the tables the build wrote. */
    static JsonOutput throughTables(JsonOutput out) {
        return out.writingRecordsWith(TABLE_WRITER);
    }

    private Json() {
    }

    /** jackson-jr, pretty-printed, lenient about unknown properties. */
    public static JSON pretty() {
        return Jackson.PRETTY;
    }

    /** jackson-jr, on one line, lenient about unknown properties. */
    public static JSON compact() {
        return Jackson.COMPACT;
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return read(file.toString(), type);
    }

    public static <T> T read(String file, Class<T> type) throws IOException {
        return read(FileBytes.read(file), file, type);
    }

    /**
     * The file's value, or null when its bytes do not hold {@code text} (ASCII, which JSON writes as it is in any
     * string): a search of many records for one value parses only those that can have it.
     */
    public static <T> T readIfHolding(String file, Class<T> type, byte[] text) throws IOException {
        byte[] bytes = FileBytes.read(file);
        return holds(bytes, text) ? read(bytes, file, type) : null;
    }

    /** Whether {@code text} (not empty) is in {@code bytes}. A loop that looks at most bytes once: it runs interpreted. */
    static boolean holds(byte[] bytes, byte[] text) {
        byte first = text[0];
        int last = bytes.length - text.length;
        for (int start = 0; start <= last; start++) {
            if (bytes[start] == first) {
                int i = 1;
                while (i < text.length && bytes[start + i] == text[i]) {
                    i++;
                }
                if (i == text.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <T> T read(byte[] bytes, String file, Class<T> type) throws IOException {
        RecordJson table = TABLES.get(type);
        if (table == null) {
            return compact().beanFrom(type, bytes);
        }
        JsonInput in = new JsonInput(bytes, file);
        T value = type.cast(table.read(type, in));
        in.end();
        return value;
    }

    /** {@code value} (plain maps, lists and scalars, or records) on one line, as jackson-jr writes it. */
    public static byte[] compactBytes(Object value) {
        return throughTables(JsonOutput.compact()).value(value).toBytes();
    }

    /** {@code value} (plain maps, lists and scalars, or records), pretty, as jackson-jr writes it. */
    public static String prettyString(Object value) {
        return throughTables(JsonOutput.pretty()).value(value).toString();
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, bytesOf(value));
    }

    /**
     * {@link #write}, unless {@code file} holds what it would write already (compared as bytes, so no record's
     * equals is bootstrapped). Returns whether it wrote.
     */
    public static boolean writeIfChanged(Path file, Object value) throws IOException {
        return AtomicFiles.writeIfChanged(file, bytesOf(value));
    }

    private static byte[] bytesOf(Object value) throws IOException {
        return value instanceof Record && writes(value.getClass()) ? prettyBytes(value) : pretty().asBytes(value);
    }

    /** {@code value} as {@link #write} writes it, through a table when it is a record of one. */
    static byte[] prettyBytes(Object value) {
        return throughTables(JsonOutput.pretty()).value(value).toBytes();
    }

    /** Made on first use: a command that only reads records does not set jackson-jr up (12 ms). */
    private static final class Jackson {
        static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
                .without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
        static final JSON COMPACT = JSON.std.without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
    }
}
