package dev.vaina.store;

import java.io.IOException;

/**
 * The readers the build wrote for the records of one package ({@link RecordReaderTableWriter}): its class is
 * {@code RecordReaderTable} in that package, found by {@link Json#read} by name, so that the packages below do not
 * depend on the ones above for it and classes compiled without the table still read records (through jackson-jr).
 */
public interface RecordReaders {
    /** Whether {@link #read} reads documents of {@code type}. */
    boolean reads(Class<?> type);

    /** A document of {@code type}: null for the document {@code null}. */
    Object read(Class<?> type, JsonInput in) throws IOException;
}
