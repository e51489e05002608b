package dev.vaina.cli.containers;

import dev.vaina.engine.Waiting;
import dev.vaina.spec.Instants;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/** Prints a container's log file to stdout and stderr, optionally following it as it grows. */
final class LogFollower {
    private final Path log;
    private final PrintWriter out;
    private final PrintWriter err;
    private long position;
    private final ByteBufferLine pending = new ByteBufferLine();
    private String prefix = "";
    private boolean timestamps;
    private Instant since;
    private Instant until;
    private boolean atLineStart = true;

    LogFollower(Path log, PrintWriter out, PrintWriter err) {
        this.log = log;
        this.out = out;
        this.err = err;
    }

    /**
     * How `logs` shows the lines: each after {@code prefix} (a container's name or id, when several are
     * shown) and its timestamp when asked, and only those written between {@code since} and {@code until}
     * (either may be null).
     */
    LogFollower showing(String linePrefix, boolean withTimestamps, Instant from, Instant to) {
        this.prefix = linePrefix;
        this.timestamps = withTimestamps;
        this.since = from;
        this.until = to;
        return this;
    }

    /** Prints the last {@code tail} lines (all when negative) and remembers where the file ended. */
    void printExisting(int tail) throws IOException {
        if (tail < 0) {
            drain();
            return;
        }
        Deque<String> last = new ArrayDeque<>();
        RandomAccessFile opened = open();
        if (opened == null) {
            return;
        }
        try (RandomAccessFile file = opened) {
            String raw;
            while ((raw = file.readLine()) != null) {
                last.addLast(new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                if (last.size() > tail) {
                    last.removeFirst();
                }
            }
            position = file.getFilePointer();
        }
        for (String line : last) {
            print(line);
        }
        flush();
    }

    /** Follows the file until {@code finished} says so, then prints what is left. */
    void follow(BooleanSupplier finished) throws IOException {
        long since = System.nanoTime();
        while (true) {
            boolean done = finished.getAsBoolean();
            drain();
            if (done) {
                return;
            }
            Waiting.pause(since);
        }
    }

    /** Prints every complete line written since the last call. */
    void drain() throws IOException {
        RandomAccessFile opened = open();
        if (opened == null) {
            return;
        }
        try (RandomAccessFile file = opened) {
            if (file.length() < position) {
                position = 0;
            }
            file.seek(position);
            byte[] buffer = new byte[65536];
            int n;
            while ((n = file.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    String line = pending.add(buffer[i]);
                    if (line != null) {
                        print(line);
                    }
                }
            }
            position = file.getFilePointer();
        }
        flush();
    }

    /**
     * The log, or null when there is none: not written yet, or removed with its container (a --rm container's
     * monitor removes it while {@code logs -f} follows; what was printed stays the whole log).
     */
    private RandomAccessFile open() {
        try {
            return new RandomAccessFile(log.toFile(), "r");
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private void print(String line) {
        CriLogLine entry = CriLogLine.parse(line);
        if ((since != null || until != null) && !within(entry.timestamp())) {
            return;
        }
        PrintWriter stream = entry.stderr() ? err : out;
        if (atLineStart) {
            stream.print(prefix);
            if (timestamps && !entry.timestamp().isEmpty()) {
                stream.print(entry.timestamp() + " ");
            }
        }
        stream.print(entry.output());
        atLineStart = !entry.partial();
    }

    private boolean within(String timestamp) {
        try {
            Instant written = Instants.parse(timestamp);
            return (since == null || !written.isBefore(since)) && (until == null || !written.isAfter(until));
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private void flush() {
        out.flush();
        err.flush();
    }

    /** Collects bytes into lines, decoding UTF-8 only once a line is whole. */
    private static final class ByteBufferLine {
        private byte[] bytes = new byte[256];
        private int length;

        String add(byte b) {
            if (b == '\n') {
                String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
                length = 0;
                return line;
            }
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
            return null;
        }
    }
}
