package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /proc says of processes, held to what the JDK's ProcessHandle says of the same processes. */
class OwnProcessTest {
    @Test
    void pidAndParentAreProcessHandles() {
        assertEquals(ProcessHandle.current().pid(), OwnProcess.PID);
        assertEquals(ProcessHandle.current().parent().orElseThrow().pid(), OwnProcess.parentPid());
    }

    @Test
    void startTimesAreProcessHandleInfos(@TempDir Path dir) throws IOException, InterruptedException {
        assertEquals(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli(),
                OwnProcess.startMillis(OwnProcess.PID));
        // A child whose command name holds a space and parentheses, which /proc/PID/stat does not escape.
        Path sleep = Files.createSymbolicLink(dir.resolve("s) (1 2"), Path.of("/bin/sleep"));
        Process child = new ProcessBuilder(sleep.toString(), "30").start();
        try {
            long expected = child.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            assertEquals(expected, OwnProcess.startMillis(child.pid()));
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals(-1, OwnProcess.startMillis(child.pid()));
    }
}
