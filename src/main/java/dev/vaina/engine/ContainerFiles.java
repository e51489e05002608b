package dev.vaina.engine;

import dev.vaina.spec.KeyOrder;
import dev.vaina.spec.VolumeMount;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's file system seen from the host, for `cp`. A running container's is its init's
 * {@code /proc/PID/root}, with every mount; paths are resolved in it as the container would resolve them
 * (symbolic links, absolute ones too, stay inside). A stopped container's is put together from its mounts
 * (bind mounts and volumes) and its layers: reads see the layers as overlayfs would, writes go to the writable
 * layer, which overlayfs allows while it is not mounted.
 */
public final class ContainerFiles {
    private static final int MAX_LINKS = 40;

    private final ContainerRecord record;
    private final StoreLayout layout;
    private final Path procRoot;

    private ContainerFiles(ContainerRecord record, StoreLayout layout, Path procRoot) {
        this.record = record;
        this.layout = layout;
        this.procRoot = procRoot;
    }

    public static ContainerFiles of(Engine engine, ContainerRecord record) throws IOException {
        var state = Liveness.reconcile(engine.store(), record);
        Path procRoot = null;
        if (state.isRunning()) {
            long pid = ContainerPid.read(engine.layout(), record.id());
            if (pid > 0) {
                procRoot = Path.of("/proc", Long.toString(pid), "root");
            }
        }
        return new ContainerFiles(record, engine.layout(), procRoot);
    }

    /** Where {@code path} of the container is on the host for reading; empty when it does not exist. */
    public Optional<Path> read(String path) throws IOException {
        if (procRoot != null) {
            Path resolved = resolve(procRoot, path);
            return Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) ? Optional.of(resolved) : Optional.empty();
        }
        Optional<Path> mounted = mounted(path);
        if (mounted.isPresent()) {
            return Files.exists(mounted.get(), LinkOption.NOFOLLOW_LINKS) ? mounted : Optional.empty();
        }
        return LayerView.find(layers(), path);
    }

    /**
     * A stopped container's directory can be spread over several layers: it is merged into {@code target}
     * (a running container's, or a file, is copied as it is by the caller).
     */
    public boolean isLayered(String path) throws IOException {
        return procRoot == null && mounted(path).isEmpty()
                && LayerView.find(layers(), path).map(Files::isDirectory).orElse(false);
    }

    /** Copies a stopped container's merged directory into {@code target}. */
    public void copyLayeredDirectory(String path, Path target) throws IOException {
        LayerView.copyDirectory(layers(), path, target);
    }

    /**
     * Where {@code path} of the container is on the host for writing. For a stopped container outside its
     * mounts, the writable layer's copy of the path: its parent directories are made there as the lower layers
     * have them, and a whiteout there is removed.
     */
    public Path write(String path) throws IOException {
        if (procRoot != null) {
            return resolve(procRoot, path);
        }
        Optional<VolumeMount> mount = mountAt(Path.of("/", path).normalize().toString());
        if (mount.isPresent() && mount.get().overlay()) {
            // Its source must not change, and its overlay's changes last one run: nothing stopped to write to.
            throw new EngineException("cannot copy to " + path + " of stopped container " + record.name()
                    + ": it is on the overlay volume " + mount.get() + ", whose changes last only while the"
                    + " container runs; start the container first");
        }
        Optional<Path> mounted = mounted(path);
        if (mounted.isPresent()) {
            return mounted.get();
        }
        Path upper = layout.container(record.id()).resolve("upper");
        String relative = path.replaceAll("^/+", "");
        Path target = relative.isEmpty() ? upper : upper.resolve(relative);
        Path parent = target.getParent();
        if (parent != null && parent.startsWith(upper) && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            String parentPath = "/" + upper.relativize(parent);
            Optional<Path> shown = LayerView.find(layers(), parentPath);
            if (shown.isPresent() && Files.isDirectory(shown.get(), LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(parent);
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
            Files.delete(target); // a whiteout: the copy takes the deleted file's place
        }
        return target;
    }

    /** Whether the container's files are its running init's. */
    public boolean running() {
        return procRoot != null;
    }

    private List<Path> layers() {
        List<Path> layers = new ArrayList<>();
        layers.add(layout.container(record.id()).resolve("upper"));
        record.layers().forEach(layer -> layers.add(layout.layer(layer)));
        return layers;
    }

    /** The host path of a path under one of a stopped container's bind mounts or volumes (the deepest one). */
    private Optional<Path> mounted(String path) {
        String clean = Path.of("/", path).normalize().toString();
        return mountAt(clean).map(m -> {
            Path source = m.isVolume() ? layout.volumeData(m.source()) : Path.of(m.source());
            String rest = clean.substring(m.destination().length()).replaceAll("^/+", "");
            return rest.isEmpty() ? source : source.resolve(rest);
        });
    }

    /** The deepest of the container's bind mounts and volumes that holds {@code clean}, a normalised path. */
    private Optional<VolumeMount> mountAt(String clean) {
        return record.config().volumes().stream().filter(m -> !m.isTmpfs())
                .filter(m -> clean.equals(m.destination()) || clean.startsWith(m.destination() + "/"))
                .max(KeyOrder.by(m -> m.destination().length()));
    }

    /**
     * {@code path} inside {@code root}, every component but the last resolved as the container would: a
     * symbolic link is followed within the root, and ".." stops at it.
     */
    static Path resolve(Path root, String path) throws IOException {
        List<String> pending = new ArrayList<>(List.of(path.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path current = join(root, done).resolve(part);
            if (!pending.isEmpty() && Files.isSymbolicLink(current)) {
                if (++links > MAX_LINKS) {
                    throw new IOException(path + ": too many levels of symbolic links");
                }
                String target = Files.readSymbolicLink(current).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                pending.addAll(0, List.of(target.split("/")));
                continue;
            }
            done.add(part);
        }
        return join(root, done);
    }

    private static Path join(Path root, List<String> parts) {
        Path path = root;
        for (String part : parts) {
            path = path.resolve(part);
        }
        return path;
    }
}
