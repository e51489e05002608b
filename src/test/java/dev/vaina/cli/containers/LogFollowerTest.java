package dev.vaina.cli.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowerTest {
    @TempDir
    Path dir;

    @Test
    void aLogRemovedWhileFollowedEndsWithWhatWasPrinted() throws Exception {
        Path log = dir.resolve("ctr.log");
        Files.writeString(log, "2026-12-05T21:00:00.1Z stdout F hello\n");
        StringWriter out = new StringWriter();
        LogFollower follower = new LogFollower(log, new PrintWriter(out), new PrintWriter(new StringWriter()));
        follower.printExisting(-1);
        Files.writeString(log, "2026-12-05T21:00:00.2Z stdout F world\n", java.nio.file.StandardOpenOption.APPEND);
        follower.drain();
        // A --rm container's monitor removes the log with the container while `logs -f` follows it.
        Files.delete(log);
        follower.drain();
        follower.follow(() -> true);
        assertEquals("hello\nworld\n", out.toString());
    }

    @Test
    void aLogNotWrittenYetPrintsNothing() throws Exception {
        StringWriter out = new StringWriter();
        LogFollower follower = new LogFollower(dir.resolve("none.log"), new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        follower.printExisting(10);
        follower.printExisting(-1);
        follower.drain();
        assertEquals("", out.toString());
    }
}
