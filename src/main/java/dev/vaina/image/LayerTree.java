package dev.vaina.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Maps tar entry names to paths inside one layer directory without ever leaving it. Symlinks extracted
 * earlier in the layer are followed by hand, one component at a time, and only while they stay inside:
 * an absolute target (it would resolve on the host, not in the container) or a relative one that climbs
 * above the layer root makes the entry fail. The resolved parent therefore holds no symlinks, so the
 * kernel never follows one on our behalf when the entry is written.
 */
final class LayerTree {
    private static final int MAX_SYMLINKS = 40; // Linux's own limit (MAXSYMLINKS)

    private final Path root;

    LayerTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Splits an entry name into components: leading "/" and "./" are dropped (absolute names are relative
     * to the layer root), "." components vanish and any ".." is refused.
     */
    static List<String> components(String entryName) throws InvalidLayerException {
        List<String> parts = new ArrayList<>();
        for (String part : entryName.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw escapes(entryName, "");
            }
            if (part.indexOf('\0') >= 0) {
                throw new InvalidLayerException("layer entry " + entryName + " has a NUL byte in its name");
            }
            parts.add(part);
        }
        return parts;
    }

    /**
     * The real directory that holds the entry's last component, creating missing directories (mode 0755,
     * as tar does) when {@code create} is set.
     */
    Path parentDirectory(String entryName, List<String> components, boolean create) throws IOException {
        return resolveDirectory(entryName, components.subList(0, components.size() - 1), create);
    }

    /**
     * Follows {@code components} as directories from the root; every one must stay inside the layer. A
     * missing one is created when {@code create} is set, otherwise the answer is null.
     */
    Path resolveDirectory(String entryName, List<String> components, boolean create) throws IOException {
        Deque<String> pending = new ArrayDeque<>(components);
        List<String> resolved = new ArrayList<>();
        int symlinks = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                // only symlink targets bring ".." here; entry names were checked by components()
                if (resolved.isEmpty()) {
                    throw escapes(entryName, "");
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            Path current = at(resolved).resolve(part);
            BasicFileAttributes attributes = attributesOrNull(current);
            if (attributes == null) {
                if (!create) {
                    return null;
                }
                Files.createDirectory(current);
                Files.setAttribute(current, "unix:mode", 0755);
                resolved.add(part);
            } else if (attributes.isSymbolicLink()) {
                if (++symlinks > MAX_SYMLINKS) {
                    throw new InvalidLayerException("layer entry " + entryName + " passes through more than "
                            + MAX_SYMLINKS + " symlinks");
                }
                String target = Files.readSymbolicLink(current).toString();
                String how = " through symlink " + relative(current) + " -> " + target;
                if (target.startsWith("/")) {
                    throw escapes(entryName, how);
                }
                String[] targetParts = target.split("/");
                for (int i = targetParts.length - 1; i >= 0; i--) {
                    pending.addFirst(targetParts[i]);
                }
                checkStaysInside(entryName, resolved.size(), targetParts, how);
            } else if (attributes.isDirectory()) {
                resolved.add(part);
            } else {
                throw new InvalidLayerException("layer entry " + entryName + " needs " + relative(current)
                        + " to be a directory, but the layer has a non-directory there");
            }
        }
        return at(resolved);
    }

    /** Lexical check of a relative symlink target against the depth of the directory holding the link. */
    private static void checkStaysInside(String entryName, int depth, String[] targetParts, String how)
            throws InvalidLayerException {
        int level = depth;
        for (String part : targetParts) {
            if (part.equals("..")) {
                if (--level < 0) {
                    throw escapes(entryName, how);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                level++;
            }
        }
    }

    /** The path of an existing entry (for hard-link targets); the last component is not followed. */
    Path existing(String entryName, String name) throws IOException {
        String what = "layer entry " + entryName + " is a hard link to " + name;
        List<String> parts;
        try {
            parts = components(name);
        } catch (InvalidLayerException e) {
            throw new InvalidLayerException(what + ", which escapes the layer directory");
        }
        if (parts.isEmpty()) {
            throw new InvalidLayerException(what + ", the layer root");
        }
        Path parent = resolveDirectory(entryName, parts.subList(0, parts.size() - 1), false);
        Path target = parent == null ? null : parent.resolve(parts.get(parts.size() - 1));
        if (target == null || attributesOrNull(target) == null) {
            throw new InvalidLayerException(what
                    + ", which is not in the layer (hard links may only point to entries extracted before them)");
        }
        return target;
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Path at(List<String> parts) throws InvalidLayerException {
        try {
            return parts.isEmpty() ? root : root.resolve(String.join("/", parts));
        } catch (InvalidPathException e) {
            throw new InvalidLayerException("layer path " + String.join("/", parts) + " is not a valid file name", e);
        }
    }

    private String relative(Path path) {
        return root.relativize(path).toString();
    }

    private static InvalidLayerException escapes(String entryName, String how) {
        return new InvalidLayerException("layer entry " + entryName + " escapes the layer directory" + how);
    }
}
