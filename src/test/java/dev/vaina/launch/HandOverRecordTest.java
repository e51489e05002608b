package dev.vaina.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vaina.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-over record, and the exit ExecStopPost writes from what systemd tells it. */
class HandOverRecordTest {
    @TempDir
    Path temp;
    private ContainerPaths paths;

    @BeforeEach
    void setUp() throws IOException {
        paths = new ContainerPaths(new StoreLayout(temp.resolve("root"), temp.resolve("run"), false), "abc123");
        Files.createDirectories(paths.runDir());
    }

    @Test
    void record_readsBackWhatWasWritten_andTellsALiveProcessFromADeadOne() throws IOException {
        assertEquals(Optional.empty(), HandOver.read(paths));
        long self = ProcessHandle.current().pid();
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        HandOver alive = new HandOver(self, start, self, start, temp, null);
        alive.write(paths.handOverFile());
        assertEquals(Optional.of(alive), HandOver.read(paths));
        assertTrue(alive.containerRuns());
        // The same PID started at another time is another process; its unit is over once its cgroup has gone.
        HandOver reused = new HandOver(self, start - 1000, self, start, temp.resolve("gone.service"), null);
        assertFalse(reused.containerRuns());
        assertFalse(reused.unitBusy());
        assertTrue(new HandOver(self, start - 1000, self, start, temp, null).unitBusy(), "the unit is still ending it");
        assertFalse(new HandOver(self, start - 1000, self, start - 1000, temp, null).unitBusy(), "its manager is gone");
    }

    @Test
    void record_keepsTheUnitsInvocationId_andReadsARecordWithoutOne() throws IOException {
        String id = "0123456789abcdef0123456789abcdef";
        HandOver known = new HandOver(1, 2, 3, 4, temp.resolve("with space.service"), id);
        known.write(paths.handOverFile());
        assertEquals("1 2 3 4 " + temp.resolve("with space.service") + "\n" + id + "\n",
                Files.readString(paths.handOverFile()));
        assertEquals(Optional.of(known), HandOver.read(paths));
        // As a monitor that knew no invocation id wrote it, or one of an earlier version.
        Files.writeString(paths.handOverFile(), "1 2 3 4 " + temp + "\n");
        assertEquals(Optional.of(new HandOver(1, 2, 3, 4, temp, null)), HandOver.read(paths));
        // Not systemd's form: as good as none, never a path to a mark elsewhere.
        Files.writeString(paths.handOverFile(), "1 2 3 4 " + temp + "\n../../etc/passwd\n");
        assertEquals(Optional.of(new HandOver(1, 2, 3, 4, temp, null)), HandOver.read(paths));
    }

    @Test
    void recordExit_writesTheCodeOrSignalSystemdSaw_onlyForAHandedOverContainer() throws IOException {
        Map<String, String> exited = Map.of("EXIT_CODE", "exited", "EXIT_STATUS", "3");
        HandOver.recordExit(paths, exited);
        assertFalse(Files.exists(paths.exitFile()), "not handed over: the monitor records the exit");
        new HandOver(1, 1, 1, 1, temp, null).write(paths.handOverFile());
        HandOver.recordExit(paths, Map.of());
        assertFalse(Files.exists(paths.exitFile()), "not run by systemd: nothing to tell");
        HandOver.recordExit(paths, exited);
        assertEquals("3", Files.readString(paths.exitFile()));
        HandOver.recordExit(paths, Map.of("EXIT_CODE", "killed", "EXIT_STATUS", "KILL"));
        assertEquals("3", Files.readString(paths.exitFile()), "an exit recorded already stays");
        Files.delete(paths.exitFile());
        HandOver.recordExit(paths, Map.of("EXIT_CODE", "killed", "EXIT_STATUS", "TERM"));
        assertEquals("143", Files.readString(paths.exitFile()));
        Files.delete(paths.exitFile());
        HandOver.recordExit(paths, Map.of("EXIT_CODE", "dumped", "EXIT_STATUS", "SEGV"));
        assertEquals("139", Files.readString(paths.exitFile()));
        Files.delete(paths.exitFile());
        HandOver.recordExit(paths, Map.of("EXIT_CODE", "killed", "EXIT_STATUS", "NOSUCH"));
        assertFalse(Files.exists(paths.exitFile()), "left to the cleanup, which records a kill");
    }
}
