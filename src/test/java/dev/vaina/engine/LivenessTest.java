package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.ContainerState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /**
     * A monitor is started by two execs (the launcher's JVM becomes the monitor's shell wrapper, which becomes its JVM),
     * and while a process execs the kernel shows it with an empty or a partial command line. Here a process goes through two execs,
     * its id on every command line, while it is asked about in a loop: it must never be taken for dead. (Reading
     * /proc in a loop this way saw an empty one in about 1 read in 200, and this test, before the second look, failed
     * within the first few trials.)
     */
    @Test
    void aMonitorThatExecs_isNeverTakenForDead() throws Exception {
        int looks = 0;
        for (int trial = 0; trial < 40; trial++) {
            Process process = new ProcessBuilder("/bin/sh", "-c", "exec /bin/sh -c 'exec /bin/sleep 0.05 " + ID + "' "
                    + ID, ID).start();
            ContainerState state = ContainerState.created().running(process.pid(), Instant.now().toString());
            // Java starts it through a helper of its own, which then execs the shell: from the shell on, it is ours.
            while (process.isAlive() && !Liveness.monitorAlive(state, ID)) {
                Thread.onSpinWait();
            }
            while (process.isAlive()) {
                boolean alive = Liveness.monitorAlive(state, ID);
                if (!alive && !ended(process.pid())) {
                    throw new AssertionError("process " + process.pid() + " taken for dead while it runs (look " + looks
                            + "): " + describe(process.pid()));
                }
                looks++;
            }
            process.waitFor();
        }
        assertTrue(looks > 100, "looked " + looks + " times");
    }

    @Test
    void aProcessWithoutTheId_isNotTheMonitor() throws Exception {
        Process process = new ProcessBuilder("/bin/sleep", "5").start();
        try {
            assertFalse(Liveness.monitorAlive(ContainerState.created().running(process.pid(), Instant.now().toString()), ID));
        } finally {
            process.destroy();
        }
    }

    private static String describe(long pid) {
        try {
            java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(pid));
            return java.nio.file.Files.readString(proc.resolve("stat")) + " cmdline="
                    + new String(java.nio.file.Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
        } catch (java.io.IOException gone) {
            return "gone";
        }
    }

    /** Gone, or exited (a zombie, whose command line is empty too, or one being reaped): dead indeed. */
    private static boolean ended(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (java.io.IOException gone) {
            return true;
        }
    }
}
