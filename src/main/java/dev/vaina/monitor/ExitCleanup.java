package dev.vaina.monitor;

import dev.vaina.launch.Cleanup;
import dev.vaina.store.OwnProcess;
import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What systemd's ExecStopPost would undo, done by the monitor once its container has exited: the unit then
 * stops without starting another JVM (see {@link Cleanup#afterExit}). The launcher's classes are loaded only
 * here, at the end, so they cost a running monitor nothing.
 *
 * @param remove --rm of a detached container: the container, and its unit file, go too
 */
record ExitCleanup(StoreLayout layout, boolean remove, Path unitFile) {

    /** @return null without a store: the monitor then leaves the cleanup to ExecStopPost */
    static ExitCleanup of(Path storeRoot, Path storeRunRoot, boolean rootless, boolean remove, Path unitFile) {
        if ((storeRoot == null) != (storeRunRoot == null)) {
            throw new IllegalArgumentException("--store-root and --store-runroot go together");
        }
        if (storeRoot == null) {
            if (remove || unitFile != null) {
                throw new IllegalArgumentException("--remove and --unit-file need --store-root and --store-runroot");
            }
            return null;
        }
        return new ExitCleanup(new StoreLayout(storeRoot, storeRunRoot, rootless), remove, unitFile);
    }

    /**
     * @param rootfs the container's root file system, mounted in this monitor's namespace, or null: unmounted
     *        before the run directory goes, so that its removal cannot reach through it into the container's files
     */
    void run(String id, Path rootfs) {
        try {
            // The launcher's mount namespace is its parent's (the manager's): this one is private to the monitor.
            Path hostMounts = Path.of("/proc", Long.toString(OwnProcess.parentPid()), "ns", "mnt");
            Cleanup.afterExit(layout, id, remove, unitFile, new Cleanup.OwnMounts(hostMounts, rootfs),
                    System.getenv("INVOCATION_ID"));
        } catch (IOException | RuntimeException e) {
            // ExecStopPost's cleanup finds no mark and does it all again.
            System.err.println("vaina monitor: cleanup of container " + id + " left to ExecStopPost: " + e.getMessage());
        }
    }
}
