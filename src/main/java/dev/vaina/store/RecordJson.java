package dev.vaina.store;

import dev.vaina.spec.json.JsonInput;
import dev.vaina.spec.json.JsonOutput;
import java.io.IOException;

/**
 * The JSON of the records of one package, read and written field by field by code the build wrote
 * ({@link RecordJsonTableWriter}): its class is {@code RecordJsonTable} in that package, found by {@link Json} by
 * name, so that the packages below do not depend on the ones above for it, and classes compiled without the table
 * still read and write records (through jackson-jr).
 */
public interface RecordJson {
    /** Whether {@link #read} and {@link #write} know records of {@code type}. */
    boolean has(Class<?> type);

    /** A document of {@code type}: null for the document {@code null}. */
    Object read(Class<?> type, JsonInput in) throws IOException;

    /** {@code record}, as jackson-jr writes it: its components and getters, by name, nulls left out. */
    void write(Object record, JsonOutput out);
}
