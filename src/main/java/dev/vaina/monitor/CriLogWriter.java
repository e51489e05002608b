package dev.vaina.monitor;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes container output in Kubernetes' CRI log format, one record per line:
 * {@code 2026-11-28T17:21:15.123456789Z stdout F text}. F marks a full line (its newline is not repeated in
 * the text); P marks a part of a line: the line was longer than {@link #MAX_LINE} bytes, or the stream
 * ended without a newline. Every record is written with one write(2) on a file opened for appending, so
 * {@code logs -f} sees it at once and the two streams never interleave inside a record.
 * The timestamp is UTC with nine fraction digits, formatted by hand to keep java.time's formatters unloaded.
 */
final class CriLogWriter implements AutoCloseable {
    static final int MAX_LINE = 16 * 1024;

    /** Null for --log-driver none: output still reaches attached clients, and no file. */
    private final FileOutputStream out;
    /** --log-opt max-size: the file starts again empty when a record would take it past this; 0 for no limit. */
    private final long maxSize;
    private long size;
    private final byte[][] pending = new byte[3][];
    private final int[] pendingLength = new int[3];

    private CriLogWriter(FileOutputStream out, long maxSize, long size) {
        this.out = out;
        this.maxSize = maxSize;
        this.size = size;
    }

    static CriLogWriter open(Path file) throws IOException {
        return open(file, 0);
    }

    static CriLogWriter open(Path file, long maxSize) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        FileOutputStream out = new FileOutputStream(file.toFile(), true);
        return new CriLogWriter(out, maxSize, out.getChannel().size());
    }

    static CriLogWriter discarding() {
        return new CriLogWriter(null, 0, 0);
    }

    /** Appends {@code length} bytes of {@code stream}'s output, writing every line it completes. */
    synchronized void write(StreamId stream, byte[] data, int length) throws IOException {
        int s = stream.id();
        if (pending[s] == null) {
            pending[s] = new byte[MAX_LINE];
        }
        byte[] line = pending[s];
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == '\n') {
                record(stream, 'F', line, pendingLength[s]);
                pendingLength[s] = 0;
                continue;
            }
            if (pendingLength[s] == MAX_LINE) {
                record(stream, 'P', line, pendingLength[s]);
                pendingLength[s] = 0;
            }
            line[pendingLength[s]++] = b;
        }
    }

    /** The stream reached end of file: a last line without newline is written as partial. */
    synchronized void endOfStream(StreamId stream) throws IOException {
        int s = stream.id();
        if (pendingLength[s] > 0) {
            record(stream, 'P', pending[s], pendingLength[s]);
            pendingLength[s] = 0;
        }
    }

    private void record(StreamId stream, char tag, byte[] text, int length) throws IOException {
        if (out == null) {
            return;
        }
        byte[] prefix = (timestamp(Instant.now()) + ' ' + stream.logName() + ' ' + tag + ' ')
                .getBytes(StandardCharsets.US_ASCII);
        byte[] record = new byte[prefix.length + length + 1];
        System.arraycopy(prefix, 0, record, 0, prefix.length);
        System.arraycopy(text, 0, record, prefix.length, length);
        record[record.length - 1] = '\n';
        if (maxSize > 0 && size + record.length > maxSize) {
            // As conmon does: the file is emptied rather than rotated; appends then start at its beginning.
            out.getChannel().truncate(0);
            size = 0;
        }
        out.write(record);
        size += record.length;
    }

    /** RFC 3339 in UTC with nanoseconds, e.g. 2026-11-28T17:21:15.000123456Z. */
    static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86400L);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder b = new StringBuilder(30);
        b.append(year).append('-');
        pad(b, month, 2).append('-');
        pad(b, day, 2).append('T');
        pad(b, secondOfDay / 3600, 2).append(':');
        pad(b, secondOfDay / 60 % 60, 2).append(':');
        pad(b, secondOfDay % 60, 2).append('.');
        pad(b, instant.getNano(), 9).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
