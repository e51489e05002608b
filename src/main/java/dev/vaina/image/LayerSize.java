package dev.vaina.image;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * A layer's size as Podman's storage measures a layer directory (for {@code ps --size}): the sizes of
 * everything in it but directories, a file with several links counted once.
 */
public final class LayerSize {
    private LayerSize() {
    }

    /** 0 for a layer that does not exist (a container never started has no writable layer yet). */
    public static long of(Path layer) throws IOException {
        if (!Files.isDirectory(layer)) {
            return 0;
        }
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        Files.walkFileTree(layer, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && (attrs.fileKey() == null || seen.add(attrs.fileKey()))) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A directory the container made unreadable to us (rootless: its own root's mode 700) is not counted.
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
