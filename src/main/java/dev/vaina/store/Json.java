package dev.vaina.store;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON for vaina's own records: read a record, write it atomically. Records are read by the readers the build
 * wrote for their package ({@link RecordReaders}); jackson-jr writes them, and reads and writes other documents.
 */
public final class Json {
    /**
     * Each record type's table of readers, or null for a type no table reads: store's own table reads the records
     * of store and of spec; a package above store that stores records of its own has its own table.
     */
    private static final ClassValue<RecordReaders> READERS = new ClassValue<>() {
        @Override
        protected RecordReaders computeValue(Class<?> type) {
            RecordReaders own = table(Json.class.getPackageName());
            if (own != null && own.reads(type)) {
                return own;
            }
            RecordReaders theirs = table(type.getPackageName());
            return theirs != null && theirs.reads(type) ? theirs : null;
        }
    };

    private static RecordReaders table(String pkg) {
        try {
            Object table = Class.forName(pkg + "." + RecordReaderTableWriter.CLASS).getDeclaredConstructor()
                    .newInstance();
            return table instanceof RecordReaders readers ? readers : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
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
        byte[] bytes = Files.readAllBytes(file);
        RecordReaders readers = READERS.get(type);
        if (readers == null) {
            return compact().beanFrom(type, bytes);
        }
        JsonInput in = new JsonInput(bytes, file.toString());
        T value = type.cast(readers.read(type, in));
        in.end();
        return value;
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, pretty().asBytes(value));
    }

    /** Made on first use: a command that only reads records does not set jackson-jr up (12 ms). */
    private static final class Jackson {
        static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
                .without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
        static final JSON COMPACT = JSON.std.without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
    }
}
