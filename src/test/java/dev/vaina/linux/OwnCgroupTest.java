package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
