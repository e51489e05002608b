package dev.vaina.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The events vaina records: one JSON line per event in {@code events.log}, appended by whichever process did
 * the thing (the CLI, the launcher, the cleanup); no daemon collects them. Appends and the trimming that
 * bounds the file's size happen under one lock, so a line is never torn nor lost to a trim. When the file
 * grows past {@link #LIMIT} its older half is dropped.
 */
public final class EventJournal {
    /** About 5,000 events: enough history for scripts, small enough to read whole. */
    static final long LIMIT = 1 << 20;

    private final Path file;
    private final Path lockFile;
    private final long limit;

    public EventJournal(StoreLayout layout) {
        this(layout.events(), LIMIT);
    }

    EventJournal(Path file, long limit) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.limit = limit;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends an event. Recording is never worth failing the operation it records, so a failure to append is
     * returned rather than thrown (null on success) for the caller to warn about.
     */
    @SuppressWarnings("try")
    public IOException append(Event event) {
        try (StoreLock lock = StoreLock.acquire(lockFile)) {
            byte[] line = (event.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (channel.size() > limit) {
                    trim(channel.size());
                }
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** Keeps the newer half of the file, from a line's start, by writing it aside and renaming it over. */
    private void trim(long size) throws IOException {
        byte[] tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(size / 2);
            in.readLine(); // the rest of a line cut in two
            long from = in.getFilePointer();
            tail = new byte[(int) (size - from)];
            in.readFully(tail);
        }
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.write(next, tail);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every recorded event, oldest first. */
    public List<Event> read() throws IOException {
        return read(new Position()).events();
    }

    /** Where a reader got to: the file (by inode) and the offset in it, for following the journal. */
    public record Position(Object fileKey, long offset) {
        Position() {
            this(null, 0);
        }
    }

    /** The events appended since {@code from}, and where the next read continues. */
    public record Batch(List<Event> events, Position next) {
    }

    /**
     * The events after {@code from}; when the file was trimmed since (another inode), every event of the new
     * file, the older of which the reader has seen already (it skips those up to the time of its last one).
     */
    public Batch read(Position from) throws IOException {
        List<Event> events = new ArrayList<>();
        Object key;
        byte[] bytes;
        long offset = from.offset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            if (from.fileKey() != null && !from.fileKey().equals(key) || channel.size() < offset) {
                offset = 0;
            }
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // reads until the size seen above
            }
            bytes = buffer.array();
        } catch (NoSuchFileException e) {
            return new Batch(events, from);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    events.add(Event.fromJson(line));
                }
                start = i + 1;
            }
        }
        // a line still being written (no newline yet) is read next time
        return new Batch(events, new Position(key, offset + start));
    }
}
