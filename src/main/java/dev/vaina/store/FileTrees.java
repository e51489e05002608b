package dev.vaina.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Recursive deletion that does not follow symbolic links. Directories the owner may not read or write
 * (overlayfs leaves a mode-000 work/work; image layers can hold read-only directories) are opened up
 * first, which a rootless user must do where root would not need to.
 */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Renames a directory into another parent. Linux asks for write permission on the directory itself
     * then (its ".." entry changes), which a non-root owner of a read-only directory, such as an image
     * layer whose root is 0555, lacks: the owner's write bit is added for the move and taken away after.
     */
    public static void moveDirectory(Path source, Path target) throws IOException {
        int mode = (Integer) Files.getAttribute(source, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS) & 07777;
        if ((mode & 0200) == 0) {
            Files.setAttribute(source, "unix:mode", mode | 0200);
        }
        try {
            Files.move(source, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.setAttribute(source, "unix:mode", mode);
            throw e;
        }
        Files.setAttribute(target, "unix:mode", mode);
    }

    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(root);
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
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                if (e instanceof AccessDeniedException && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                        && makeWritable(file)) {
                    // The walk could not open it; now it can.
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes what it can; for clean-up paths that must not fail the command. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException e) {
            System.err.println("vaina: cannot delete " + root + ": " + e.getMessage());
        }
    }

    /**
     * Gives the owner rwx on a directory (never a link: the callers checked); true if it changed. The
     * mode is set through the path, as chmod(2) does: the JDK's no-follow variant opens the directory
     * first, which is exactly what a mode-000 directory refuses.
     */
    private static boolean makeWritable(Path dir) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & 0700) != 0700) {
                Files.setAttribute(dir, "unix:mode", (mode & 07777) | 0700);
                return true;
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            // The walk reports it with the path.
        }
        return false;
    }
}
