package dev.vaina.image;

import dev.vaina.spec.Ascii;
import dev.vaina.store.FileTrees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Work directories under {@code StoreLayout.tmp()}. Each name carries its owner's pid and start time
 * ({@code <pid>-<start-millis>-<random>}), so a later command can tell a live owner's work (leave it) from a
 * crashed one's (delete it) without a lock held during the long extraction.
 */
final class ScratchDirectories {
    /** The folder of partial blob downloads ({@code <digest-hex>.partial}), which outlive their process. */
    static final String PARTIAL_BLOBS = "blobs";

    private ScratchDirectories() {
    }

    static Path create(Path tmp, String purpose) throws IOException {
        Files.createDirectories(tmp);
        ProcessHandle self = ProcessHandle.current();
        String name = self.pid() + "-" + startMillis(self).orElse(0L) + "-" + purpose + "-" + UUID.randomUUID();
        return Files.createDirectory(tmp.resolve(name));
    }

    /** Deletes entries whose owner is gone; entries with foreign names are deleted when older than this process. */
    static void removeAbandoned(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        Instant ourStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                if (isAbandoned(entry, ourStart)) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    private static boolean isAbandoned(Path entry, Instant ourStart) throws IOException {
        if (entry.getFileName().toString().equals(PARTIAL_BLOBS)) {
            return false; // partial downloads are kept on purpose: the next pull continues them
        }
        String[] parts = entry.getFileName().toString().split("-", 3);
        if (parts.length == 3 && Ascii.isDigits(parts[0]) && Ascii.isDigits(parts[1])) {
            long pid = Long.parseLong(parts[0]);
            long start = Long.parseLong(parts[1]);
            Optional<ProcessHandle> owner = ProcessHandle.of(pid);
            // a reused pid has another start time: its owner is gone too
            return owner.isEmpty() || owner.flatMap(ScratchDirectories::startMillis).map(s -> s != start).orElse(false);
        }
        FileTime modified = Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().isBefore(ourStart);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
