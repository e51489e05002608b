package dev.vaina.engine;

import dev.vaina.image.LayerArchiver;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container's root file system as its overlay makes it: the image's layers under the container's
 * writable layer ({@code upper}), read from the store, so it works whether or not the container runs (a
 * running container's mount lives in its monitor's mount namespace, out of the CLI's sight).
 */
public final class ContainerFileSystem {
    /**
     * Mount points the runtime makes in the writable layer when the image lacks them: not the container's own
     * changes, so diff leaves them out, as Podman's does (the paths themselves, not what lies under them).
     */
    private static final java.util.Set<String> INIT_PATHS = java.util.Set.of("/dev", "/etc/hostname", "/etc/hosts",
            "/etc/resolv.conf", "/proc", "/run", "/run/notify", "/run/.containerenv", "/run/secrets", "/sys", "/etc/mtab");

    private final StoreLayout layout;
    private final ContainerRecord record;

    ContainerFileSystem(StoreLayout layout, ContainerRecord record) {
        this.layout = layout;
        this.record = record;
    }

    /** One line of {@code diff}: A (added), C (changed) or D (deleted), and the path in the container. */
    public record Change(char kind, String path) {
        @Override
        public String toString() {
            return kind + " " + path;
        }
    }

    /** The container's writable layer: what it changed. */
    public Path upper() {
        return layout.container(record.id()).resolve("upper");
    }

    /** The image's layers, top-most first. */
    public List<Path> imageLayers() {
        return record.layers().stream().map(layout::layer).toList();
    }

    /**
     * What the container changed, sorted by path: a whiteout is a deletion; anything else in the writable
     * layer is a change when some image layer has that path and an addition otherwise (a directory holding a
     * change is itself changed, as overlayfs copies it up); the runtime's mount points are left out.
     */
    public List<Change> changes() throws IOException {
        List<Change> changes = new ArrayList<>();
        if (Files.isDirectory(upper())) {
            walk(upper(), "", changes);
        }
        changes.sort((a, b) -> a.path().compareTo(b.path()));
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
                if (!INIT_PATHS.contains(path)) {
                    changes.add(new Change(inImage(path) ? 'C' : 'A', path));
                }
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    walk(entry, path, changes);
                }
            }
        }
    }

    private boolean inImage(String path) {
        for (Path layer : imageLayers()) {
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

    /** Writes the whole file system as one tar, as {@code export} prints it. */
    public void export(OutputStream out) throws IOException {
        List<Path> layers = new ArrayList<>();
        layers.add(upper());
        layers.addAll(imageLayers());
        new LayerArchiver(layout).writeMergedTar(layers, out);
    }
}
