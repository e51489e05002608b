package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The suite runs as root, which may write every cgroup.procs file. */
class OwnCgroupTest {
    private static final Path SELF = Path.of("/proc/self/cgroup");

    @Test
    void path_isTheCgroupThatListsThisProcess() throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());
        assertTrue(Files.readAllLines(OwnCgroup.path().resolve("cgroup.procs")).contains(pid),
                OwnCgroup.path() + " does not list this process");
    }

    @Test
    void rejoining_leavesThisProcessInEveryCgroupItWasIn() throws IOException {
        String before = Files.readString(SELF);
        assertTrue(OwnCgroup.rejoin(), "cannot write " + OwnCgroup.path().resolve("cgroup.procs"));
        assertEquals(before, Files.readString(SELF));
    }

    @Test
    void stayJoined_writesUntilInterrupted_andMovesNothing() throws Exception {
        String before = Files.readString(SELF);
        Thread thread = OwnCgroup.stayJoined(1);
        Thread.sleep(100);
        assertTrue(thread.isAlive(), "the writes ended on their own: this process may not write its cgroup.procs");
        assertEquals(before, Files.readString(SELF));
        thread.interrupt();
        thread.join(5_000);
        assertFalse(thread.isAlive());
    }
}
