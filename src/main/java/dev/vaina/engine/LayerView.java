package dev.vaina.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;

/**
 * A path of a stack of overlay layers as overlayfs would show it, without mounting it: for the copy-up of an
 * image's content into a new volume, and for `cp` from a stopped container. The layers are applied bottom
 * first: a whiteout (a character device 0/0, see image.LayerExtractor) deletes what lower layers put there, an
 * opaque directory ({@code user.overlay.opaque=y}) hides their content. Modes, times and, as root, owners are
 * kept; rootless, the copies belong to the user, who is root in the container, as the layers' files do.
 */
final class LayerView {
    private static final String OPAQUE_XATTR = "overlay.opaque";

    private LayerView() {
    }

    /**
     * The layer file that shows at {@code path}: the top-most entry there that no whiteout or opaque
     * directory above it hides; empty when the path shows nothing (or a whiteout).
     *
     * @param layers top-most first
     */
    static java.util.Optional<Path> find(List<Path> layers, String path) throws IOException {
        String relative = path.replaceAll("^/+", "");
        for (Path layer : layers) {
            Path entry = relative.isEmpty() ? layer : layer.resolve(relative);
            if (isWhiteout(entry)) {
                return java.util.Optional.empty();
            }
            if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                return java.util.Optional.of(entry);
            }
            if (hiddenAbove(layer, relative)) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Copies the merged directory at {@code destination} into {@code volume}.
     *
     * @param layers      the image's layer directories, top-most first (a container record's order)
     * @param destination the absolute path in the container
     * @return whether the layers had a directory there
     */
    static boolean copyDirectory(List<Path> layers, String destination, Path volume) throws IOException {
        String relative = destination.replaceAll("^/+", "");
        boolean found = false;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Path layer = layers.get(i);
            Path source = relative.isEmpty() ? layer : layer.resolve(relative);
            if (hiddenAbove(layer, relative)) {
                clear(volume);
                found = false;
            }
            if (isWhiteout(source) || Files.exists(source, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                clear(volume);
                found = false;
            } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                if (isOpaque(source)) {
                    clear(volume);
                }
                merge(source, volume);
                copyAttributes(source, volume);
                found = true;
            }
        }
        return found;
    }

    /** Whether an ancestor of the path is deleted or made opaque in this layer, hiding lower layers' content. */
    private static boolean hiddenAbove(Path layer, String relative) throws IOException {
        Path current = layer;
        String[] parts = relative.isEmpty() ? new String[0] : relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            current = current.resolve(parts[i]);
            if (isWhiteout(current) || isOpaque(current)) {
                return true;
            }
        }
        return false;
    }

    private static void merge(Path source, Path target) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
            for (Path entry : entries) {
                Path copy = target.resolve(entry.getFileName().toString());
                if (isWhiteout(entry)) {
                    dev.vaina.store.FileTrees.delete(copy);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS) || isOpaque(entry)) {
                        dev.vaina.store.FileTrees.delete(copy);
                        Files.createDirectory(copy);
                    }
                    merge(entry, copy);
                    copyAttributes(entry, copy);
                } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        || Files.isSymbolicLink(entry)) {
                    dev.vaina.store.FileTrees.delete(copy);
                    try {
                        Files.copy(entry, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (FileAlreadyExistsException e) {
                        throw new IOException("cannot copy " + entry + " into the volume: " + copy + " exists", e);
                    }
                }
                // Device nodes and fifos stay in the image: a volume holds data.
            }
        }
    }

    private static void copyAttributes(Path source, Path target) throws IOException {
        Files.setAttribute(target, "unix:mode", (Integer) Files.getAttribute(source, "unix:mode") & 07777);
        Files.setLastModifiedTime(target, Files.getLastModifiedTime(source));
        try {
            Files.setAttribute(target, "unix:uid", Files.getAttribute(source, "unix:uid"));
            Files.setAttribute(target, "unix:gid", Files.getAttribute(source, "unix:gid"));
        } catch (java.nio.file.FileSystemException e) {
            // Rootless: the user cannot give files away, and the layers' files are the user's anyway.
        }
    }

    private static void clear(Path volume) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(volume)) {
            for (Path entry : entries) {
                dev.vaina.store.FileTrees.delete(entry);
            }
        }
    }

    private static boolean isWhiteout(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return false;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        long rdev = (Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000 && rdev == 0;
    }

    private static boolean isOpaque(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            UserDefinedFileAttributeView xattrs = Files.getFileAttributeView(dir, UserDefinedFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!xattrs.list().contains(OPAQUE_XATTR)) {
                return false;
            }
            ByteBuffer value = ByteBuffer.allocate(xattrs.size(OPAQUE_XATTR));
            xattrs.read(OPAQUE_XATTR, value);
            return value.position() == 1 && value.get(0) == 'y';
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
