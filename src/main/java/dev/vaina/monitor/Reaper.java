package dev.vaina.monitor;

import dev.vaina.linux.ExitStatus;
import dev.vaina.linux.NativeCallException;
import dev.vaina.linux.Processes;
import dev.vaina.oci.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits for the container's init as a child subreaper: once the runtime's {@code create} has exited, the
 * init (and any process orphaned inside the container) is re-parented to us. Orphans are reaped and
 * forgotten. Must only run while no java.lang.Process of ours is unwaited, or it would steal its status
 * from the JDK.
 */
final class Reaper {
    private Reaper() {
    }

    static ExitStatus waitForContainer(int pid) throws NativeCallException, InterruptedException {
        while (true) {
            Processes.Reaped reaped = Processes.waitAny();
            if (reaped == null) {
                return waitForStranger(pid);
            }
            if (reaped.pid() == pid) {
                return reaped.status();
            }
        }
    }

    /** Reaps orphans that are already dead, without blocking. */
    static void reapOrphans() throws NativeCallException {
        while (Processes.reapAnyNoHang() != null) {
            // Each call reaps one zombie.
        }
    }

    /**
     * No children at all: the init was not re-parented to us (subreaping unavailable). Its status is then
     * unknowable; wait for it to vanish and report the engine's error code.
     */
    private static ExitStatus waitForStranger(int pid) throws InterruptedException {
        System.err.println("vaina monitor: container process " + pid
                + " is not our child; its exit status cannot be collected");
        Path proc = Path.of("/proc/" + pid);
        while (Files.exists(proc)) {
            Thread.sleep(100);
        }
        return ExitStatus.exited(RuntimeFailure.ENGINE_ERROR);
    }
}
