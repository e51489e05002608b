package dev.vaina.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one layer changes in the layers below it, as {@code diff} lists it: a whiteout is a deletion; anything
 * else in the layer is a change when a lower layer has that path and an addition otherwise (a directory that
 * holds a change is itself changed, as overlayfs copies it up). Used for a container's writable layer over
 * its image and for an image's top layer over its parent's.
 */
public final class LayerChanges {
    /** One line of {@code diff}: A (added), C (changed) or D (deleted), and the path. */
    public record Change(char kind, String path) {
        @Override
        public String toString() {
            return kind + " " + path;
        }
    }

    /** Changes in the order of their paths (a class: a lambda would set the JVM's method handles up for diff). */
    private static final Comparator<Change> BY_PATH = new Comparator<>() {
        @Override
        public int compare(Change a, Change b) {
            return a.path().compareTo(b.path());
        }
    };

    private final List<Path> lowers;
    private final Set<String> ignored;

    private LayerChanges(List<Path> lowers, Set<String> ignored) {
        this.lowers = lowers;
        this.ignored = ignored;
    }

    /**
     * The changes of {@code layer} over {@code lowers}, sorted by path.
     *
     * @param lowers  the layers below, in any order
     * @param ignored paths that are not listed themselves (what lies under them still is)
     */
    public static List<Change> of(Path layer, List<Path> lowers, Set<String> ignored) throws IOException {
        List<Change> changes = new ArrayList<>();
        if (Files.isDirectory(layer)) {
            new LayerChanges(lowers, ignored).walk(layer, "", changes);
        }
        changes.sort(BY_PATH);
        return changes;
    }

    private void walk(Path dir, String prefix, List<Change> changes) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String path = prefix + "/" + entry.getFileName();
                if (isWhiteout(entry)) {
                    changes.add(new Change('D', path));
                    continue;
                }
                if (!ignored.contains(path)) {
                    changes.add(new Change(inLowers(path) ? 'C' : 'A', path));
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    walk(entry, path, changes);
                }
            }
        }
    }

    private boolean inLowers(String path) {
        for (Path layer : lowers) {
            if (Files.exists(layer.resolve(path.substring(1)), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhiteout(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,rdev", LinkOption.NOFOLLOW_LINKS);
        return ((Integer) unix.get("mode") & 0170000) == 0020000 && (Long) unix.get("rdev") == 0;
    }
}
