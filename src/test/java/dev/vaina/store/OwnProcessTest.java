package dev.vaina.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    void existsWhileTheProcessDoes() throws IOException, InterruptedException {
        assertTrue(OwnProcess.exists(OwnProcess.PID));
        assertFalse(OwnProcess.exists(0));
        Process child = new ProcessBuilder("true").start();
        assertEquals(0, child.waitFor());
        assertFalse(OwnProcess.exists(child.pid()));
    }

    @Test
    void realUidIsTheJdksUnixSystemUid() {
        assertEquals(new com.sun.security.auth.module.UnixSystem().getUid(), OwnProcess.realUid());
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

    /**
     * A process runs until it ends, not until it is reaped: a zombie (here a shell's child that ended after the
     * shell became a sleep, which never waits for it) no longer runs, though /proc still has it.
     */
    @Test
    void aZombieNoLongerRuns_noMoreThanAProcessThatIsGone() throws IOException, InterruptedException {
        assertTrue(OwnProcess.running(OwnProcess.PID, OwnProcess.startMillis(OwnProcess.PID)));
        assertFalse(OwnProcess.running(OwnProcess.PID, OwnProcess.startMillis(OwnProcess.PID) - 10_000),
                "a process that started at another time is another process");
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine().strip());
            long started = OwnProcess.startMillis(zombie);
            assertTrue(started > 0 && OwnProcess.running(zombie, started), "the child does not run");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (OwnProcess.running(zombie, started)) {
                assertTrue(System.nanoTime() < deadline, "the child still runs after 10 s");
                Thread.sleep(10);
            }
            assertTrue(Files.readString(Path.of("/proc", Long.toString(zombie), "stat")).contains(") Z "),
                    "the child is not a zombie: it was reaped");
        } finally {
            parent.destroyForcibly();
            parent.waitFor();
        }
    }
}
