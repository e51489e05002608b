package dev.vaina.engine;

import dev.vaina.image.LayerArchiver;
import dev.vaina.image.LayerChanges;
import dev.vaina.image.LayerChanges.Change;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private static final Set<String> INIT_PATHS = Set.of("/dev", "/etc/hostname", "/etc/hosts",
            "/etc/resolv.conf", "/proc", "/run", "/run/notify", "/run/.containerenv", "/run/secrets", "/sys", "/etc/mtab");

    private final StoreLayout layout;
    private final ContainerRecord record;

    ContainerFileSystem(StoreLayout layout, ContainerRecord record) {
        this.layout = layout;
        this.record = record;
    }

    /** The mount points the runtime may have made in the writable layer (see {@code commit}). */
    public Set<String> runtimeMountPoints() {
        return INIT_PATHS;
    }

    /** The container's writable layer: what it changed. */
    public Path upper() {
        return layout.container(record.id()).resolve("upper");
    }

    /** The image's layers, top-most first. */
    public List<Path> imageLayers() {
        return record.layers().stream().map(layout::layer).toList();
    }

    /** What the container changed, sorted by path; the runtime's mount points are left out. */
    public List<Change> changes() throws IOException {
        return LayerChanges.of(upper(), imageLayers(), INIT_PATHS);
    }

    /**
     * The bytes the container wrote, as Podman's {@code ps --size} counts them: the sizes of everything in the
     * writable layer but directories, a file with several links counted once.
     */
    public long writableSize() throws IOException {
        if (!Files.isDirectory(upper())) {
            return 0;
        }
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        Files.walkFileTree(upper(), new SimpleFileVisitor<>() {
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

    /** Writes the whole file system as one tar, as {@code export} prints it. */
    public void export(OutputStream out) throws IOException {
        List<Path> layers = new ArrayList<>();
        layers.add(upper());
        layers.addAll(imageLayers());
        new LayerArchiver(layout).writeMergedTar(layers, out);
    }
}
