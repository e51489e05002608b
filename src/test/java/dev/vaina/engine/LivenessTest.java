package dev.vaina.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.ContainerState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void aRunningProcessNamingTheId_isTheMonitor_untilItExits() throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", "read line", "sh", "--id", ID).start();
        ContainerState state = ContainerState.created().running(process.pid(), Instant.now().toString());
        try {
            // Java's helper execs the shell: from then on the process is the one asked about.
            java.nio.file.Path cmdline = java.nio.file.Path.of("/proc", Long.toString(process.pid()), "cmdline");
            while (!java.nio.file.Files.readString(cmdline).contains("read line")) {
                Thread.onSpinWait();
            }
            assertTrue(Liveness.monitorAlive(state, ID));
            process.getOutputStream().close();
            // Exited and not yet reaped, then reaped: dead either way.
            while (!ended(process.pid())) {
                Thread.onSpinWait();
            }
            assertFalse(Liveness.monitorAlive(state, ID));
            process.waitFor();
            assertFalse(Liveness.monitorAlive(state, ID));
        } finally {
            process.destroy();
        }
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
