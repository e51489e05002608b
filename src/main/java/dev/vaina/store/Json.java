package dev.vaina.store;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON for vaina's own records: read a record, write it atomically. */
public final class Json {
    public static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT)
            .without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);
    public static final JSON COMPACT = JSON.std.without(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY);

    private Json() {
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return COMPACT.beanFrom(type, Files.readAllBytes(file));
    }

    public static void write(Path file, Object value) throws IOException {
        AtomicFiles.write(file, PRETTY.asBytes(value));
    }
}
