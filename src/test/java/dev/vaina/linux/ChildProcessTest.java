package dev.vaina.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs run to their end through posix_spawn, against the real kernel. */
class ChildProcessTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "GREETING", "hello");

    @TempDir
    Path dir;

    @Test
    void inputReachesTheChild_outputAndErrorComeBackTogether_exitCodeKept() throws Exception {
        ChildProcess.Result result = ChildProcess.run(List.of("/bin/sh", "-c",
                "read line; echo \"out:$line:$GREETING\"; echo err >&2; exit 3"), ENV,
                "from stdin\n".getBytes(StandardCharsets.UTF_8), 10_000);
        assertEquals("out:from stdin:hello\nerr\n", result.output());
        assertEquals(ExitStatus.exited(3), result.status());
        assertFalse(result.timedOut());
        assertFalse(result.succeeded());
    }

    @Test
    void aNameIsLookedUpInThisProcessPath() throws Exception {
        ChildProcess.Result result = ChildProcess.run(List.of("true"), ENV, new byte[0], 10_000);
        assertTrue(result.succeeded(), result.toString());
    }

    @Test
    void moreOutputThanAPipeHolds_isReadToItsEnd() throws Exception {
        ChildProcess.Result result = ChildProcess.run(List.of("/bin/sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x"),
                ENV, new byte[0], 10_000);
        assertTrue(result.succeeded(), result.status().toString());
        assertEquals(300_000, result.output().length());
    }

    @Test
    void aChildPastItsDeadline_isKilledAndSaysSo() throws Exception {
        long start = System.nanoTime();
        ChildProcess.Result result = ChildProcess.run(List.of("/bin/sh", "-c", "echo started; exec sleep 30"), ENV,
                new byte[0], 300);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(result.timedOut());
        assertEquals(ExitStatus.killedBy(9), result.status());
        assertEquals("started\n", result.output());
        assertTrue(tookMillis >= 250 && tookMillis < 5_000, tookMillis + " ms");
    }

    @Test
    void theChildHoldsNoDescriptorOfThisProcess_closeOnExecOrNot() throws Exception {
        // A FileOutputStream's descriptor is not close-on-exec: posix_spawn alone would hand it to the child.
        try (FileOutputStream held = new FileOutputStream(dir.resolve("held").toFile())) {
            ChildProcess.Result result = ChildProcess.run(List.of("/bin/sh", "-c", "exec ls -l /proc/self/fd/"), ENV,
                    new byte[0], 10_000);
            assertTrue(result.succeeded(), result.output());
            // stdin, stdout and stderr, the three pipes, and the directory ls reads: nothing of this JVM's.
            List<String> targets = result.output().lines().filter(line -> line.contains(" -> "))
                    .map(line -> line.substring(line.indexOf(" -> ") + 4))
                    .filter(target -> !target.matches("/proc/[0-9]+/fd")).toList();
            assertEquals(3, targets.size(), result.output());
            assertTrue(targets.stream().allMatch(target -> target.startsWith("pipe:")), result.output());
        }
    }

    @Test
    void finishSuccessfully_givesTheOutput_orSaysHowTheChildEnded() throws Exception {
        assertEquals("fine\n", ChildProcess.start(List.of("/bin/sh", "-c", "echo fine"), ENV, new byte[0])
                .finishSuccessfully("echo", 10_000));
        java.io.IOException failed = assertThrows(java.io.IOException.class, () -> ChildProcess.start(
                List.of("/bin/sh", "-c", "echo broken >&2; exit 4"), ENV, new byte[0]).finishSuccessfully("the step", 10_000));
        assertEquals("the step failed (exited with code 4): broken", failed.getMessage());
        java.io.IOException late = assertThrows(java.io.IOException.class, () -> ChildProcess.start(
                List.of("/bin/sh", "-c", "exec sleep 30"), ENV, new byte[0]).finishSuccessfully("the wait", 1_000));
        assertEquals("the wait did not finish within 1 s", late.getMessage());
    }

    @Test
    void aProgramThatIsNotThere_failsToStart() {
        NativeCallException e = assertThrows(NativeCallException.class,
                () -> ChildProcess.run(List.of(dir.resolve("absent").toString()), ENV, new byte[0], 10_000));
        assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }
}
