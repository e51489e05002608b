package dev.vaina.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Recursive deletion of extracted trees, which may hold read-only directories (a rootless user must chmod them first). */
final class Trees {
    private Trees() {
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        makeWritable(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                makeWritable(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes what it can; for clean-up paths that must not hide the error that caused them. */
    static void deleteQuietly(Path root, Throwable cause) {
        try {
            delete(root);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void makeWritable(Path dir) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & 0700) != 0700) {
                Files.setAttribute(dir, "unix:mode", (mode & 07777) | 0700);
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            // the walk reports it with the path
        }
    }
}
