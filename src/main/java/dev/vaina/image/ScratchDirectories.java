package dev.vaina.image;

import dev.vaina.spec.Ascii;
import dev.vaina.store.FileTrees;
import dev.vaina.store.OwnProcess;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work directories under {@code StoreLayout.tmp()}. Each name carries its owner's pid and start time
 * ({@code <pid>-<start-millis>-<purpose>-<count>}), so a later command can tell a live owner's work (leave it) from a
 * crashed one's (delete it) without a lock held during the long extraction.
 */
final class ScratchDirectories {
    /** The folder of partial blob downloads ({@code <digest-hex>.partial}), which outlive their process. */
    static final String PARTIAL_BLOBS = "blobs";
    private static final AtomicInteger COUNT = new AtomicInteger();
    /** This process's start time, which names its directories and dates the others; -1 when /proc does not say. */
    private static final long OWN_START = OwnProcess.startMillis(OwnProcess.PID);

    private ScratchDirectories() {
    }

    static Path create(Path tmp, String purpose) throws IOException {
        Files.createDirectories(tmp);
        String owner = OwnProcess.PID + "-" + Math.max(0, OWN_START) + "-" + purpose + "-";
        while (true) {
            // The owner's pid and start time make the name unique among processes, the count within this one (a
            // random part would seed a SecureRandom, which sets the JDK's security providers up).
            try {
                return Files.createDirectory(tmp.resolve(owner + COUNT.incrementAndGet()));
            } catch (FileAlreadyExistsException e) {
                // left by an earlier process of the same pid and start: the next number
            }
        }
    }

    /** Deletes entries whose owner is gone; entries with foreign names are deleted when older than this process. */
    static void removeAbandoned(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        long ourStart = OWN_START >= 0 ? OWN_START : System.currentTimeMillis();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                if (isAbandoned(entry, ourStart)) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    private static boolean isAbandoned(Path entry, long ourStart) throws IOException {
        if (entry.getFileName().toString().equals(PARTIAL_BLOBS)) {
            return false; // partial downloads are kept on purpose: the next pull continues them
        }
        String[] parts = entry.getFileName().toString().split("-", 3);
        if (parts.length == 3 && Ascii.isDigits(parts[0]) && Ascii.isDigits(parts[1])) {
            long pid = Long.parseLong(parts[0]);
            long start = Long.parseLong(parts[1]);
            // a reused pid has another start time: its owner is gone too
            return OwnProcess.startMillis(pid) != start;
        }
        FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
        return modified.toMillis() < ourStart;
    }
}
