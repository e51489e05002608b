package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        // A child whose command name holds a space, parentheses and a letter beyond ASCII (UTF-8's two bytes, made by
        // the shell, whatever this JVM's file name encoding), which /proc/PID/stat gives as they are.
        Process child = new ProcessBuilder("sh", "-c", "cd \"$1\" && name=$(printf 's) (1 \\303\\261') && "
                + "ln -s /bin/sleep \"$name\" && exec \"./$name\" 30", "sh", dir.toString()).start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ProcessHandle.of(child.pid()).flatMap(p -> p.info().command()).orElse("").endsWith("/sleep")) {
            assertTrue(child.isAlive() && System.nanoTime() < deadline, "the shell did not become the sleep");
            Thread.sleep(10);
        }
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
