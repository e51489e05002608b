package dev.vaina.oci;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a file of the container's root filesystem before that filesystem is mounted, for example in the
 * topmost image layer that holds it. Paths are relative to the rootfs, such as "etc/passwd".
 */
@FunctionalInterface
public interface RootfsFiles {
    /** Nothing is ever found: an image without /etc/passwd or /etc/group. */
    RootfsFiles NONE = relativePath -> Optional.empty();

    Optional<Path> find(String relativePath);

    /** Looks in one directory, such as an already assembled rootfs or a single layer. */
    static RootfsFiles under(Path directory) {
        return relativePath -> {
            Path file = directory.resolve(relativePath);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        };
    }
}
