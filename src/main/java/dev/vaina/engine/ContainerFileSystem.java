package dev.vaina.engine;

import dev.vaina.image.LayerArchiver;
import dev.vaina.image.LayerChanges;
import dev.vaina.image.LayerChanges.Change;
import dev.vaina.image.LayerSize;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<Path> layers = new ArrayList<>();
        for (String layer : record.layers()) {
            layers.add(layout.layer(layer));
        }
        return layers;
    }

    /** What the container changed, sorted by path; the runtime's mount points are left out. */
    public List<Change> changes() throws IOException {
        return LayerChanges.of(upper(), imageLayers(), INIT_PATHS);
    }

    /** The bytes the container wrote, as Podman's {@code ps --size} counts them (see {@link LayerSize}). */
    public long writableSize() throws IOException {
        return LayerSize.of(upper());
    }

    /** The image's layers measured the same way: Podman's "virtual" size in {@code ps --size}. */
    public long imageSize() throws IOException {
        long total = 0;
        for (Path layer : imageLayers()) {
            total += LayerSize.of(layer);
        }
        return total;
    }

    /** Writes the whole file system as one tar, as {@code export} prints it. */
    public void export(OutputStream out) throws IOException {
        List<Path> layers = new ArrayList<>();
        layers.add(upper());
        layers.addAll(imageLayers());
        new LayerArchiver(layout).writeMergedTar(layers, out);
    }
}
