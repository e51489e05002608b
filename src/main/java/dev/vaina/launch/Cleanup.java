package dev.vaina.launch;

import dev.vaina.linux.ChildProcess;
import dev.vaina.linux.Mounts;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Signalling;
import dev.vaina.spec.Instants;
import dev.vaina.store.AtomicFiles;
import dev.vaina.store.ContainerRecord;
import dev.vaina.store.Event;
import dev.vaina.store.ContainerState;
import dev.vaina.store.ContainerStore;
import dev.vaina.store.FileTrees;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.StoreLayout;
import dev.vaina.store.StoreLock;
import dev.vaina.store.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Undoes a launch and records how the container ended. Idempotent, and safe after a launch that
 * stopped anywhere: every step checks what is there. systemd runs it as ExecStopPost; the CLI runs it
 * itself when it finds a container whose monitor died without it.
 */
public final class Cleanup {
    private static final int KILLED = 128 + 9;

    private Cleanup() {
    }

    public static void run(ContainerStore store, ContainerRecord record) throws IOException {
        run(store, record, false, null);
    }

    /** @param remove --rm of a detached container: delete it, and its unit file, once it has exited */
    static void run(ContainerStore store, ContainerRecord record, boolean remove, Path unitFile) throws IOException {
        run(store, record.id(), remove, unitFile, null, RECORDED_EXIT);
    }

    /**
     * As {@link #run(ContainerStore, ContainerRecord)}, with the exit code from {@code exit}, asked once the rest is
     * undone, just before it is recorded (the network's teardown comes first, and may take a while).
     *
     * @return false when a part could not be undone (the network), which the next cleanup tries again
     */
    public static boolean run(ContainerStore store, ContainerRecord record, ExitCodeSource exit) throws IOException {
        return run(store, record.id(), false, null, null, exit);
    }

    /**
     * The mark that ends the unit's ExecStopPost in the shell ({@link #afterExit}'s), left by a command that is about
     * to stop a container handed over to systemd ({@link HandOver}) and clean it up in ExecStopPost's place: systemd
     * starts ExecStopPost as soon as it has reaped the container's init, and without the mark a JVM would start
     * there only to wait for that cleanup and find nothing left to do. None for a container removed once it has
     * exited (--rm), whose ExecStopPost removes it, nor when the monitor knew no invocation id.
     *
     * @return the mark, which the caller deletes should its cleanup not happen or not complete, and once the unit has
     *         stopped; or null
     */
    public static Path leaveStopPostMark(StoreLayout layout, ContainerRecord record, HandOver handOver)
            throws IOException {
        if (handOver.invocationId() == null || record.config().autoRemove()) {
            return null;
        }
        Path mark = cleanedMark(layout, handOver.invocationId());
        AtomicFiles.write(mark, "");
        return mark;
    }

    /** Where the exit code comes from. */
    public interface ExitCodeSource {
        int exitCode(ContainerPaths paths) throws IOException;
    }

    /**
     * The exit file (the monitor's, or ExecStopPost's from systemd); none means the container was killed with it. An
     * object, not a lambda: the monitor cleans up with it, and a JVM's first lambda sets the method-handle machinery up.
     */
    public static final ExitCodeSource RECORDED_EXIT = new ExitCodeSource() {
        @Override
        public int exitCode(ContainerPaths paths) throws IOException {
            long code = readLong(paths.exitFile());
            return code >= 0 ? (int) code : KILLED;
        }
    };

    /**
     * The monitor's cleanup, once its container has exited: the same as systemd's ExecStopPost, done before the
     * unit stops, so that a stop, a wait or the exit record need no other JVM. It leaves a mark named after the
     * unit's run ($INVOCATION_ID) that the launcher's wrapper finds: ExecStopPost then ends at once, in the shell.
     * Without the mark (a part failed, or the monitor was killed on the way) ExecStopPost does it all again.
     *
     * @param own the monitor's mount namespace, a slave of the launcher's, and what is mounted there
     * @param invocationId systemd's id of this run of the unit, or null outside systemd (no mark then)
     */
    public static void afterExit(StoreLayout layout, String id, boolean remove, Path unitFile, OwnMounts own,
            String invocationId) throws IOException {
        ContainerStore store = new ContainerStore(layout);
        boolean complete = run(store, id, remove, unitFile, own, RECORDED_EXIT);
        if (complete && invocationId != null) {
            AtomicFiles.write(cleanedMark(layout, invocationId), "");
        }
    }

    /**
     * A cleanup from a mount namespace of its own (the monitor's): the launcher's, where the network namespace's
     * file is bound ({@code host}, a /proc/PID/ns/mnt file), and the container's root file system as mounted in
     * this one ({@code rootfs}, or null), unmounted before anything below it is deleted, so that no deletion can
     * reach through it into the container's files.
     */
    public record OwnMounts(Path host, Path rootfs) {
    }

    /** Where {@link #afterExit} leaves its mark; scripts/install-files.sh's launcher wrapper looks for it there. */
    static Path cleanedMark(StoreLayout layout, String invocationId) {
        return layout.runRoot().resolve("cleaned").resolve(invocationId);
    }

    /** @return false when a part could not be undone (the network), which the next cleanup tries again */
    private static boolean run(ContainerStore store, String id, boolean remove, Path unitFile, OwnMounts own,
            ExitCodeSource exit) throws IOException {
        ContainerPaths paths = new ContainerPaths(store.layout(), id);
        if (!store.exists(id)) {
            return true; // removed already (rm -f ran the cleanup itself): nothing to undo
        }
        boolean complete = true;
        // systemd's ExecStopPost, the monitor and a CLI that noticed a dead monitor may all get here: one at a time.
        try (StoreLock lock = StoreLock.acquire(paths.runDir().resolve("cleanup.lock"))) {
            if (store.exists(id)) {
                complete = undo(store, id, paths, remove, unitFile, own, exit);
            }
        }
        if (!store.exists(id)) {
            // Removed while this waited for the lock, whose file brought the run directory back.
            FileTrees.deleteQuietly(paths.runDir());
        }
        return complete;
    }

    private static boolean undo(ContainerStore store, String id, ContainerPaths paths, boolean remove, Path unitFile,
            OwnMounts own, ExitCodeSource exit) throws IOException {
        killLeftover(paths);
        // Netavark takes the network down (most of a cleanup's time: 150 ms for a bridge's last container, so it
        // starts first) and the runtime forgets the container while the record is read and the rest undone: none
        // needs the others.
        NetworkTeardown network = NetworkTeardown.start(store.layout(), paths, own != null ? own.host() : null);
        ChildProcess runtimeDelete = null;
        ContainerRecord record;
        boolean complete = true;
        try {
            runtimeDelete = startRuntimeDelete(store, paths, id);
            if (own != null && own.rootfs() != null) {
                // Failing, nothing below it is deleted: ExecStopPost, in the launcher's namespace, does it all again.
                Mounts.unmount(own.rootfs(), Mounts.MNT_DETACH);
            }
            record = store.read(id);
            try {
                OverlayVolumes.discard(store.layout(), record);
            } catch (IOException | RuntimeException e) {
                System.err.println("vaina cleanup: overlay volumes of container " + id + ": " + e.getMessage());
                complete = false;
            }
            FileTrees.deleteQuietly(paths.bundle());
            // Exec sessions' process specs, pid files and detached stderr: they ended with the container.
            FileTrees.deleteQuietly(paths.runDir().resolve("exec"));
            Files.deleteIfExists(paths.attachSocket());
            Files.deleteIfExists(paths.attachAnnouncement());
            FileTrees.deleteQuietly(paths.notifySocket().getParent());
            deleteEmptyDirectory(paths.rootfs());
        } finally {
            finishRuntimeDelete(runtimeDelete, store, id);
            if (!network.finish(id)) {
                // The exit is recorded all the same; the next cleanup of this container tries again.
                complete = false;
            }
        }
        ContainerState state = store.state(id);
        if (!ContainerState.EXITED.equals(state.status()) || state.monitorPid() != 0) {
            int code = exit.exitCode(paths);
            // The event first: a command that waits for the exited state may record the next event at once.
            Journal.record(store.layout(), Event.container("died", record, code));
            store.writeState(id, state.exited(code, Instants.format(Instant.now()), readError(paths)));
        }
        if (remove) {
            if (unitFile != null) {
                Files.deleteIfExists(unitFile);
            }
            store.remove(record);
            new VolumeStore(store.layout()).removeAnonymousOf(record, store.list());
            Journal.record(store.layout(), Event.container("remove", record));
        }
        return complete;
    }

    /**
     * {@link NetworkSetup#undo} on a thread of its own, beside the rest of the cleanup. A class, not a lambda: the
     * monitor cleans up with it, and a JVM's first lambda sets the method-handle machinery up.
     */
    private static final class NetworkTeardown implements Runnable {
        private final StoreLayout layout;
        private final ContainerPaths paths;
        private final Path hostMounts;
        private final Thread thread;
        private Exception failure;

        private NetworkTeardown(StoreLayout layout, ContainerPaths paths, Path hostMounts) {
            this.layout = layout;
            this.paths = paths;
            this.hostMounts = hostMounts;
            this.thread = new Thread(this, "network-teardown");
        }

        static NetworkTeardown start(StoreLayout layout, ContainerPaths paths, Path hostMounts) {
            NetworkTeardown teardown = new NetworkTeardown(layout, paths, hostMounts);
            teardown.thread.start();
            return teardown;
        }

        @Override
        public void run() {
            try {
                NetworkSetup.undo(layout, paths, hostMounts);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        /** Waits for the teardown; false (and said why on stderr) when it failed. */
        boolean finish(String id) {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the teardown is not cut short: it finishes, then the interrupt is kept
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                System.err.println("vaina cleanup: network of container " + id + ": " + failure.getMessage());
                return false;
            }
            return true;
        }
    }

    /** The monitor died before the container: SIGKILL what is left of it (systemd would do it right after). */
    private static void killLeftover(ContainerPaths paths) throws IOException {
        if (Files.exists(paths.exitFile())) {
            return;
        }
        long pid = readLong(paths.pidFile());
        if (OwnProcess.exists(pid)) {
            Signalling.kill((int) pid, Signalling.SIGKILL);
        }
    }

    /**
     * Starts {@code RUNTIME delete --force} of the container, for the runtime the launcher chose (not today's
     * configuration: only it knows this container); null when no runtime was started for this run or it left no
     * state, or when it cannot be started (its state is then deleted by hand).
     */
    private static ChildProcess startRuntimeDelete(ContainerStore store, ContainerPaths paths, String id)
            throws IOException {
        Path state = store.layout().runtimeRoot().resolve(id);
        if (!Files.exists(state) || !Files.exists(paths.runtimeFile())) {
            return null;
        }
        try {
            return ChildProcess.start(List.of(Files.readString(paths.runtimeFile()).strip(), "--root",
                    store.layout().runtimeRoot().toString(), "delete", "--force", id), System.getenv(), new byte[0]);
        } catch (NativeCallException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits for the runtime's delete, then deletes its state directory: rootless, the runtime ran inside the
     * user namespace and may refuse from outside it; its state is only files once the container is gone.
     */
    private static void finishRuntimeDelete(ChildProcess delete, ContainerStore store, String id) {
        if (delete != null) {
            try {
                delete.finish(10_000);
            } catch (NativeCallException e) {
                // its state goes below all the same
            }
        }
        FileTrees.deleteQuietly(store.layout().runtimeRoot().resolve(id));
    }

    private static String readError(ContainerPaths paths) throws IOException {
        try {
            String text = Files.readString(paths.errorFile()).strip();
            return text.isEmpty() ? null : text;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static long readLong(Path file) throws IOException {
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (NoSuchFileException | NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteEmptyDirectory(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Still a mount point in a namespace that is going away: the next launch reuses it.
        }
    }
}
