package dev.vaina.net;

import dev.vaina.linux.ChildProcess;
import dev.vaina.linux.MountInfo;
import dev.vaina.linux.Mounts;
import dev.vaina.linux.Namespaces;
import dev.vaina.linux.NativeCallException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Network namespaces kept alive by a bind mount on a file, as {@code ip netns add} does, but under vaina's
 * run root rather than /run/netns. The directory is made a shared mount point of its own, so that removing
 * a namespace's mount also removes the copies that monitors' mount namespaces (slaves of this one) took
 * when they started: otherwise each running monitor would keep every older namespace alive.
 *
 * <p>Rootless, the files are bound inside the holder's mount namespace ({@link RootlessNetns}, which shares the
 * directory itself), through the command prefix that enters it: only a mount namespace owned by the holder's
 * user namespace may bind a network namespace that belongs to it.
 */
public final class NetnsFiles {
    /** How long unshare, umount or mount may take: they return at once unless the machine hangs. */
    private static final long TIMEOUT_MILLIS = 30_000;
    private final Path dir;
    private final List<String> enter;
    /** Whether {@link #share} has made sure of the directory's mount. */
    private boolean shared;

    public NetnsFiles(Path dir) {
        this(dir, List.of());
    }

    /** @param enter the command prefix into the mount namespace the files are bound in; empty for this one */
    public NetnsFiles(Path dir, List<String> enter) {
        this.dir = dir;
        this.enter = List.copyOf(enter);
    }

    public Path path(String containerId) {
        return dir.resolve(containerId);
    }

    /** A new, empty network namespace bound at {@link #path}. */
    public Path create(String containerId) throws IOException {
        share();
        Path file = path(containerId);
        delete(containerId);
        Files.createFile(file);
        if (enter.isEmpty()) {
            // A thread of this process makes it, without util-linux's unshare (a process and an exec, 4-5 ms of a
            // start).
            try {
                Namespaces.bindNewNetwork(file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making the network namespace of container " + containerId, e);
            }
            return file;
        }
        // In the holder's namespaces, which only a process of its own can enter: util-linux's unshare makes the
        // namespace and binds it to the file.
        List<String> command = new ArrayList<>(enter);
        command.addAll(List.of("unshare", "--net=" + file, "true"));
        run(command);
        return file;
    }

    /** Unmounts and deletes the namespace's file; does nothing when there is none. */
    public void delete(String containerId) throws IOException {
        Path file = path(containerId);
        if (!Files.exists(file)) {
            return;
        }
        if (enter.isEmpty()) {
            try {
                Mounts.unmount(file, Mounts.MNT_DETACH);
            } catch (NativeCallException e) {
                // EINVAL: not mounted (a create that failed half-way, or a rootless holder that is gone); the
                // file still goes.
            }
        } else {
            List<String> command = new ArrayList<>(enter);
            command.addAll(List.of("umount", "--lazy", file.toString()));
            try {
                run(command);
            } catch (IOException e) {
                // Not mounted: a create that failed half-way.
            }
        }
        Files.deleteIfExists(file);
    }

    /**
     * As {@link #delete(String)}, from a process in a mount namespace of its own (the monitor, whose namespace
     * is a slave of the one the file was bound in): an unmount there would not reach the host, so it happens in
     * {@code mountNamespace} (a /proc/PID/ns/mnt file), by a thread that joins it. The unmount reaches the slaves'
     * copies.
     */
    public void delete(String containerId, Path mountNamespace) throws IOException {
        if (!enter.isEmpty()) {
            // Rootless, bound in the holder's mount namespace: the command prefix reaches it from anywhere.
            delete(containerId);
            return;
        }
        Path file = path(containerId);
        if (!Files.exists(file)) {
            return;
        }
        try {
            // Not mounted (a create that failed half-way): the deletion decides.
            Namespaces.unmountIn(mountNamespace, file);
        } catch (NativeCallException e) {
            throw new IOException("cannot unmount " + file + " in " + mountNamespace + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + file + " in " + mountNamespace, e);
        }
        Files.deleteIfExists(file);
    }

    /**
     * Makes sure the directory exists and, in this mount namespace, is a shared mount point of its own: a monitor
     * whose mount namespace (a slave) is made before a namespace is bound here still sees that namespace.
     */
    public void share() throws IOException {
        if (shared) {
            return;
        }
        Files.createDirectories(dir);
        if (enter.isEmpty()) {
            shareDirectory();
        }
        shared = true;
    }

    /**
     * Makes the directory a mount point of its own, once: under a lock, since two first containers (at boot, say)
     * that both found it unmounted would both bind it, and the second bind hides the namespace file the first
     * had bound in the meantime (its path then names a plain file, and joining it fails with EINVAL).
     */
    @SuppressWarnings("try") // the lock is held for its block, not used in it
    private void shareDirectory() throws IOException {
        try (FileChannel lockFile = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (isMountPoint(dir)) {
                return;
            }
            Mounts.bind(dir, dir);
            Mounts.makeShared(dir);
        }
    }

    /**
     * Whether a namespace bound here from now on reaches the mount namespace of process {@code pid}, a slave of this
     * one: it does unless that namespace was made before the directory became a shared mount point (propagation
     * reaches only the copies made after it, which are its slaves there).
     */
    public boolean reaches(long pid) throws IOException {
        if (!Files.isDirectory(dir) || mountPoint(dir, Path.of("/proc/self/mountinfo")) == null) {
            return true;
        }
        String[] there = mountPoint(dir, Path.of("/proc", Long.toString(pid), "mountinfo"));
        if (there == null) {
            return false;
        }
        // Fields 7 on, up to "-", tag the mount's propagation: "master:N" for a slave.
        for (int i = 6; i < there.length && !there[i].equals("-"); i++) {
            if (there[i].startsWith("master:")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMountPoint(Path dir) throws IOException {
        return mountPoint(dir, Path.of("/proc/self/mountinfo")) != null;
    }

    /** The line of {@code mountinfo} whose mount point is {@code dir}, split at spaces; null when there is none. */
    private static String[] mountPoint(Path dir, Path mountinfo) throws IOException {
        return MountInfo.mountAt(MountInfo.read(mountinfo), dir.toRealPath());
    }

    /** Runs {@code command} to its end; an IOException says how it failed (posix_spawn's error names the command). */
    static void run(List<String> command) throws IOException {
        ChildProcess.start(command, System.getenv(), new byte[0]).finishSuccessfully(String.join(" ", command),
                TIMEOUT_MILLIS);
    }
}
